import { type Agent, request } from 'node:http';
import { parseJson } from '../../main/core/parse-json';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface RawRequest {
  method?: string;
  /** Sent as is: no normalisation, no encoding. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sends the body in chunks (Transfer-Encoding: chunked) instead of with a Content-Length. */
  chunked?: boolean;
  agent?: Agent;
}

/**
 * One HTTP/1.1 request exactly as given (any method, the path byte for byte), for inputs that fetch refuses
 * to send (TRACE, `..`, lone surrogates). Bounded by a 10 s timeout.
 */
export function rawRequest(baseUrl: string, init: RawRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const bytes = init.body === undefined ? undefined : Buffer.from(init.body);
  // Framing set explicitly: Node's client frames no body of a GET, HEAD, DELETE or TRACE by itself.
  const framing: Record<string, string | number> =
    bytes === undefined
      ? {}
      : init.chunked
        ? { 'Transfer-Encoding': 'chunked' }
        : { 'Content-Length': bytes.length };
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: init.method ?? 'GET',
        path: init.path,
        headers: { ...framing, ...init.headers },
        agent: init.agent,
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parseJson(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer to ${init.method} ${init.path} in 10 s`)));
    req.on('error', reject);
    if (init.chunked && bytes !== undefined) {
      const half = Math.floor(bytes.length / 2);
      req.write(bytes.subarray(0, half));
      req.end(bytes.subarray(half));
    } else req.end(bytes);
  });
}

/** `{"a":{"a":…1…}}`, `depth` levels of objects. */
export const deepObject = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

export const basicAuth = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
