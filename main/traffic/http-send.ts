import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { HttpSend } from './capture-client';
import { type AnswerLimits, AnswerMeter, AnswerRefusedError } from './read-answer';

/** Connections kept open between calls, as fetch keeps them. */
const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

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
  return (url, { method, headers, body, signal }) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const sent: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', ...headers };
      if (body !== undefined) sent['content-length'] = String(Buffer.byteLength(body));
      const options = { method, headers: sent, agent: secure ? agents.https : agents.http, signal };
      const request = (secure ? https : http).request(target, options, (response) => {
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
      });
      request.on('error', (error) => reject(failure(error)));
      request.end(body);
    });
}
