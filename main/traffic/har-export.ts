import { STATUS_CODES } from 'node:http';
import type { Writable } from 'node:stream';
import type { Entry, Har, Header, QueryString } from 'har-format';
import type { CapturedMessage, Exchange } from './types';

const HTTP_VERSION = 'HTTP/1.1';

function headerList(headers: Record<string, string>): Header[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

function queryOf(url: string): QueryString[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function mimeTypeOf(message: CapturedMessage): string {
  return message.headers['content-type'] ?? (message.body ? 'application/json' : '');
}

/** One exchange as a HAR 1.2 entry; smsim's own facts go in `_` fields. No answer = status 0 (as browsers do). */
export function harEntry(exchange: Exchange, order: number): Entry {
  const { request, response } = exchange;
  const truncated = { request: !!request.truncated, response: !!response?.truncated };
  const entry: Entry = {
    startedDateTime: exchange.startedAt,
    time: exchange.durationMs,
    request: {
      method: exchange.method,
      url: exchange.url,
      httpVersion: HTTP_VERSION,
      cookies: [],
      headers: headerList(request.headers),
      queryString: queryOf(exchange.url),
      headersSize: -1,
      bodySize: request.body === undefined ? 0 : request.size,
    },
    response: {
      status: response?.status ?? 0,
      statusText: response ? (STATUS_CODES[response.status] ?? '') : '',
      httpVersion: HTTP_VERSION,
      cookies: [],
      headers: headerList(response?.headers ?? {}),
      content: { size: response?.size ?? 0, mimeType: response ? mimeTypeOf(response) : '' },
      redirectURL: response?.headers.location ?? '',
      headersSize: -1,
      bodySize: response?.body === undefined ? 0 : response.size,
    },
    cache: {},
    timings: { send: 0, wait: exchange.durationMs, receive: 0 },
    _order: order,
    _flowId: exchange.flowId,
    _hop: exchange.hop,
    _from: exchange.from,
    _to: exchange.to,
    _osb: exchange.osb,
    _notes: exchange.notes,
    _redacted: true,
    _error: exchange.error,
    _errorDetail: exchange.errorDetail,
    _step: exchange.step,
    _truncated: truncated.request || truncated.response ? truncated : undefined,
  };
  if (request.body !== undefined)
    entry.request.postData = { mimeType: mimeTypeOf(request), text: request.body };
  if (response?.body !== undefined) entry.response.content.text = response.body;
  return entry;
}

export function toHar(exchanges: readonly Exchange[], creatorVersion: string): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'smsim', version: creatorVersion },
      entries: exchanges.map((exchange, order) => harEntry(exchange, order)),
    },
  };
}

/** Resolves when `out` can take more, or is closed (a client that went away never drains). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.once('drain', done);
    out.once('close', done);
  });
}

/** Writes the HAR file entry by entry, waiting when `out` is full: memory stays flat for big buffers. */
export async function writeHar(out: Writable, exchanges: readonly Exchange[], creatorVersion: string) {
  const [head, tail] = JSON.stringify(toHar([], creatorVersion)).split('"entries":[]') as [string, string];
  out.write(`${head}"entries":[`);
  for (const [order, exchange] of exchanges.entries()) {
    const text = `${order > 0 ? ',' : ''}${JSON.stringify(harEntry(exchange, order))}`;
    if (!out.write(text) && !out.destroyed) await drained(out);
    if (out.destroyed) return;
  }
  out.end(`]${tail}`);
}
