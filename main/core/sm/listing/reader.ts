import { DATE_TIME, NUMBER, type Scalar } from './criterion';

const BARE_VALUE = /[^\s,()']+/y;

/** A cursor over one criterion's text; every problem goes to `fail`, which names the criterion. */
export class Reader {
  #pos = 0;

  constructor(
    private readonly text: string,
    private readonly fail: (problem: string, hint?: string) => never,
  ) {}

  get atEnd(): boolean {
    return this.#pos >= this.text.length;
  }

  get rest(): string {
    return this.text.slice(this.#pos);
  }

  peek(): string | undefined {
    return this.text[this.#pos];
  }

  skipSpace(): void {
    while (!this.atEnd && /\s/.test(this.peek()!)) this.#pos++;
  }

  /** The match of a sticky pattern at the cursor, consumed; undefined when it does not match there. */
  take(sticky: RegExp): string | undefined {
    sticky.lastIndex = this.#pos;
    const match = sticky.exec(this.text);
    if (!match) return undefined;
    this.#pos = sticky.lastIndex;
    return match[0];
  }

  /** A quoted string, a number, true, false, null, or an unquoted ISO date-time (kept as a string). */
  value(): Scalar | null {
    if (this.peek() === "'") return this.#quoted();
    const bare = this.take(BARE_VALUE);
    if (bare === undefined) return this.fail(`expected a value at "${this.rest}"`);
    if (NUMBER.test(bare)) return Number(bare);
    if (bare === 'true' || bare === 'false') return bare === 'true';
    if (bare === 'null') return null;
    if (DATE_TIME.test(bare)) return bare;
    return this.fail(`unquoted value "${bare}"`, `put strings in single quotes, like '${bare}'`);
  }

  /** `(v1, v2, …)`; the cursor is on the opening parenthesis. */
  list(): (Scalar | null)[] {
    this.#pos++;
    const values: (Scalar | null)[] = [];
    this.skipSpace();
    if (this.peek() === ')') {
      this.#pos++;
      return values;
    }
    for (;;) {
      this.skipSpace();
      if (this.atEnd) this.fail('unclosed list: missing ")"');
      if (this.peek() === ',' || this.peek() === ')')
        this.fail(`empty item ${values.length + 1} in the list`);
      values.push(this.value());
      this.skipSpace();
      const next = this.peek();
      this.#pos++;
      if (next === ')') return values;
      if (next === undefined) this.fail('unclosed list: missing ")"');
      if (next !== ',') this.fail(`expected "," or ")" after list item ${values.length}, found "${next}"`);
    }
  }

  #quoted(): string {
    const opening = this.#pos;
    let value = '';
    for (let pos = opening + 1; pos < this.text.length; pos++) {
      const char = this.text[pos];
      if (char !== "'") {
        value += char;
      } else if (this.text[pos + 1] === "'") {
        value += "'";
        pos++;
      } else {
        this.#pos = pos + 1;
        return value;
      }
    }
    return this.fail(
      'unterminated quoted string',
      `the quote at character ${opening + 1} is never closed; write '' for a quote inside a string`,
    );
  }
}
