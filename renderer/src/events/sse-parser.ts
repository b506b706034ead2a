/** One dispatched Server-Sent Event. */
export interface SseMessage {
  type: string;
  data: string;
  lastEventId: string;
}

/** The event-stream format of the HTML spec, fed with text chunks as they arrive. */
export class SseParser {
  lastEventId = '';
  retryMs: number | undefined;
  #buffer = '';
  #data: string[] = [];
  #type = '';

  /** For a new connection: drops a half-received message, keeps the last event id and the retry time. */
  reset(): void {
    this.#buffer = '';
    this.#data = [];
    this.#type = '';
  }

  feed(chunk: string): SseMessage[] {
    const text = this.#buffer + chunk;
    // A trailing CR may be the first half of a CRLF: keep it until the next chunk says.
    const held = text.endsWith('\r') ? '\r' : '';
    const lines = text.slice(0, text.length - held.length).split(/\r\n|\r|\n/);
    this.#buffer = lines.pop()! + held;
    const messages: SseMessage[] = [];
    for (const line of lines) {
      const message = this.#line(line);
      if (message) messages.push(message);
    }
    return messages;
  }

  #line(line: string): SseMessage | undefined {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#type = value;
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return undefined;
  }

  #dispatch(): SseMessage | undefined {
    const type = this.#type || 'message';
    const data = this.#data.join('\n');
    const hasData = this.#data.length > 0;
    this.#data = [];
    this.#type = '';
    return hasData ? { type, data, lastEventId: this.lastEventId } : undefined;
  }
}
