import { SECRETS } from '../secrets';

/** The sample broker's own log of the requests it got, for the UI; bounded, newest last. */
export interface LoggedRequest {
  id: number;
  at: string;
  method: string;
  path: string;
  query: Record<string, unknown>;
  /** Lower-case names; Authorization (and other secret headers) redacted. */
  headers: Record<string, string | string[]>;
  /** The request body (never the response: it may hold credentials). */
  body: unknown;
  /** null while pending, or when no answer was sent (timeout, down). */
  status: number | null;
  outcome: 'pending' | 'answered' | 'no answer';
  durationMs: number | null;
  /** The id of the fault that decided the answer, if any. */
  faultId?: string;
}

const MAX_BODY_CHARS = 64 * 1024;

export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const present = Object.entries(headers).filter(
    (entry): entry is [string, string | string[]] => entry[1] !== undefined,
  );
  return SECRETS.headers(Object.fromEntries(present));
}

/** Secrets redacted (a `password` parameter); a body over 64 KiB of JSON is replaced by its size. */
export function loggableBody(body: unknown): unknown {
  if (body === undefined) return undefined;
  const text = JSON.stringify(body);
  return text.length > MAX_BODY_CHARS ? { truncated: true, jsonChars: text.length } : SECRETS.value(body);
}

export class RequestLog {
  #entries: LoggedRequest[] = [];
  #nextId = 1;

  constructor(private readonly keep = 200) {}

  start(entry: Omit<LoggedRequest, 'id' | 'status' | 'outcome' | 'durationMs'>): LoggedRequest {
    const logged: LoggedRequest = {
      ...entry,
      id: this.#nextId++,
      status: null,
      outcome: 'pending',
      durationMs: null,
    };
    this.#entries.push(logged);
    if (this.#entries.length > this.keep) this.#entries.shift();
    return logged;
  }

  /** The most recent `limit` entries, newest first. */
  recent(limit = this.keep): LoggedRequest[] {
    return this.#entries
      .slice(-limit)
      .reverse()
      .map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.#entries = [];
  }
}
