import http from 'node:http';
import type { Readable } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { HttpSend } from './capture-client';
import { type AnswerLimits, AnswerMeter, AnswerRefusedError } from './read-answer';

interface Transport {
  request: typeof http.request;
  agent: http.Agent;
}

/** Connections kept open between calls, as fetch keeps them. */
const plain: Transport = { request: http.request, agent: new http.Agent({ keepAlive: true }) };
/** node:https (and TLS) is loaded by the first call to an https URL, not with every simulator. */
let secure: Promise<Transport> | undefined;
function transportOf(url: URL): Transport | Promise<Transport> {
  if (url.protocol !== 'https:') return plain;
  secure ??= import('node:https').then(({ default: https }) => ({
    request: https.request,
    agent: new https.Agent({ keepAlive: true }),
  }));
  return secure;
}

/** As lenient as fetch with a stream cut short: what arrived is decoded. */
const LENIENT = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };

/** The body, inflated when fetch would inflate it (gzip, deflate, br); as sent otherwise. */
function bodyOf(response: http.IncomingMessage, method: string): Readable {
  const status = response.statusCode ?? 0;
  if (method === 'HEAD' || status === 204 || status === 304) return response;
  const coding = response.headers['content-encoding']?.trim().toLowerCase();
  const decoder =
    coding === 'gzip' || coding === 'x-gzip'
      ? createGunzip(LENIENT)
      : coding === 'deflate'
        ? createInflate(LENIENT)
        : coding === 'br'
          ? createBrotliDecompress()
          : undefined;
  if (!decoder) return response;
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

const flatHeaders = (headers: http.IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
    ),
  );

/** A network failure as fetch reports one: the socket's error (and its `code`) is the `cause`. */
const failure = (error: Error) =>
  error instanceof AnswerRefusedError
    ? error
    : new Error(`request failed: ${error.message}`, { cause: error });

/**
 * `limitedFetchSend` on node:http: the same answers (redirects not followed, gzip/deflate/br inflated, the body
 * read within `limits`) for about a quarter of fetch's CPU per call, which the simulator's hops pay on every
 * OSB call (platform → proxy → SM → broker).
 */
export function limitedHttpSend(limits: AnswerLimits): HttpSend {
  return async (url, { method, headers, body, signal }) => {
    const target = new URL(url);
    const transport = await transportOf(target);
    const sent: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', ...headers };
    if (body !== undefined) sent['content-length'] = String(Buffer.byteLength(body));
    const call: Call = { transport, target, options: { method, headers: sent, signal }, body, limits };
    try {
      return await sendOnce(call);
    } catch (error) {
      // A kept-alive connection the server closed as this call went out: nothing was answered, so it goes again
      // on a new connection, as Node's documentation advises (http.ClientRequest reusedSocket).
      if (!(error instanceof StaleConnectionError)) throw error;
      return sendOnce({ ...call, fresh: true });
    }
  };
}

interface Call {
  transport: Transport;
  target: URL;
  options: { method: string; headers: Record<string, string>; signal?: AbortSignal };
  body?: string;
  limits: AnswerLimits;
  /** On a connection of its own (not one the pool holds, which may be as stale as the one that failed). */
  fresh?: boolean;
}

class StaleConnectionError extends Error {}

function sendOnce({ transport, target, options, body, limits, fresh }: Call): ReturnType<HttpSend> {
  const { method } = options;
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = transport.request(
      target,
      { ...options, agent: fresh ? false : transport.agent },
      (response) => {
        answered = true;
        const meter = new AnswerMeter(limits);
        const decoder = new TextDecoder();
        let text = '';
        const stream = bodyOf(response, method);
        stream.on('data', (piece: Buffer) => {
          try {
            meter.feed(piece);
          } catch (error) {
            request.destroy();
            reject(error);
            return;
          }
          text += decoder.decode(piece, { stream: true });
        });
        stream.on('end', () =>
          resolve({
            status: response.statusCode!,
            headers: flatHeaders(response.headers),
            text: text + decoder.decode(),
          }),
        );
        stream.on('error', (error) => reject(failure(error)));
        stream.on('close', () => reject(failure(new Error('the connection closed before the answer ended'))));
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      const stale =
        !answered && request.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
      reject(stale ? new StaleConnectionError(error.message, { cause: error }) : failure(error));
    });
    request.end(body);
  });
}
