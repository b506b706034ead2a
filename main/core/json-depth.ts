const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * The nesting depth of JSON text read in pieces, without parsing it and without recursion: brackets outside
 * strings are counted. Works on UTF-8 bytes (the bytes of `"`, `\`, brackets never occur inside a multi-byte
 * character), so an answer can be measured while it streams in.
 */
export class JsonDepthMeter {
  #depth = 0;
  #deepest = 0;
  #inString = false;
  #escaped = false;

  /** Reads one more piece; returns the deepest nesting seen so far. */
  feed(bytes: Uint8Array): number {
    for (let index = 0; index < bytes.length; index++) {
      const byte = bytes[index]!;
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (byte === BACKSLASH) this.#escaped = true;
        else if (byte === QUOTE) this.#inString = false;
      } else if (byte === QUOTE) this.#inString = true;
      else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        if (++this.#depth > this.#deepest) this.#deepest = this.#depth;
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) this.#depth--;
    }
    return this.#deepest;
  }

  get deepest(): number {
    return this.#deepest;
  }
}

/** The nesting depth of one JSON text: 0 for a scalar, 1 for `{}` or `[1]`, 2 for `{"a":[]}`. */
export function jsonDepth(text: string): number {
  return new JsonDepthMeter().feed(new TextEncoder().encode(text));
}
