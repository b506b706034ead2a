import type { IncomingMessage } from 'node:http';
import express, { type Request } from 'express';
import { ApiError, badRequest } from '../../core/errors';
import { JsonDepthMeter } from '../../core/json-depth';
import type { FrontDoorOptions, RequestRule } from './front-door';

/** HAR files of a long session are bigger than any API body: `POST /api/traffic/import` takes up to 256 MiB. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

const LONE_SURROGATE = /\p{Surrogate}/u;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const rawBodies = new WeakMap<IncomingMessage, string>();

/** The body as the client sent it, once the front door accepted it (the platform proxy forwards it as is). */
export const rawBodyOf = (req: IncomingMessage): string | undefined => rawBodies.get(req);

/** A body is there when the client declares one: a positive Content-Length, or a chunked body. */
function declaresBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function unsupportedType(req: Request): ApiError | undefined {
  const refuse = (what: string) =>
    new ApiError(
      415,
      'UnsupportedMediaType',
      `${what} Send the body as JSON with the header Content-Type: application/json.`,
    );
  const header = req.headers['content-type'];
  if (!header) return refuse('The request has a body but no Content-Type.');
  if (!req.is(['application/json', 'application/*+json']))
    return refuse(`smsim reads JSON bodies only, not "${header}".`);
  const charset = CHARSET.exec(header)?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8')
    return refuse(`smsim reads UTF-8 only, not ${charset}.`);
}

/** Without recursion, so any depth is safe to look at. */
function hasLoneSurrogate(value: unknown): boolean {
  const pending = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (LONE_SURROGATE.test(item)) return true;
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (LONE_SURROGATE.test(key)) return true;
        pending.push(child);
      }
    }
  }
  return false;
}

/** Checks the bytes, then parses them: nothing deeper than `maxJsonDepth` is ever parsed. */
function parse(
  bytes: Buffer,
  { maxJsonDepth }: FrontDoorOptions['limits'],
): { text: string; value: unknown } {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw badRequest('The request body is not valid UTF-8. Send UTF-8 encoded JSON.');
  }
  const depth = new JsonDepthMeter().feed(bytes);
  if (depth > maxJsonDepth)
    throw new ApiError(
      400,
      'JsonTooDeep',
      `The request body nests ${depth} levels deep; the limit is ${maxJsonDepth} (config key limits.maxJsonDepth). Send a flatter body or raise the limit.`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badRequest(`The request body is not valid JSON: ${(error as Error).message}.`);
  }
  if (hasLoneSurrogate(value))
    throw badRequest(
      'The request body holds a lone UTF-16 surrogate (e.g. "\\ud800"): not well-formed Unicode. Send whole characters only.',
    );
  return { text, value };
}

function tooLarge(limit: number, path: string, options: FrontDoorOptions): ApiError {
  const mib = `${Math.round((limit / 1024 / 1024) * 100) / 100} MiB`;
  const raise =
    options.largeBodies?.[path] === undefined
      ? 'Send a smaller body or raise config key limits.maxBodyBytes.'
      : 'Split the file: this limit is fixed.';
  return new ApiError(
    413,
    'PayloadTooLarge',
    `The request body is larger than the limit of ${mib} (${limit} bytes) of ${path}. ${raise}`,
  );
}

/**
 * The one body parser of every server: a body must be declared JSON (else 415), within the size limit
 * (else 413), UTF-8, within the depth limit, valid JSON and well-formed Unicode (else 400). `req.body` is
 * the parsed value (undefined without a body); `rawBodyOf(req)` the text.
 */
export const jsonBody: RequestRule = (options) => {
  const limits = [options.limits.maxBodyBytes, ...Object.values(options.largeBodies ?? {})];
  const readers = new Map(limits.map((limit) => [limit, express.raw({ type: () => true, limit })]));
  return (req, res, next) => {
    if (!declaresBody(req)) return next();
    const refused = unsupportedType(req);
    if (refused) return next(refused);
    const limit = options.largeBodies?.[req.path] ?? options.limits.maxBodyBytes;
    readers.get(limit)!(req, res, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type === 'entity.too.large')
        return next(tooLarge(limit, req.path, options));
      if ((error as { status?: number } | undefined)?.status === 400)
        return next(
          badRequest(
            `The request body could not be read (${(error as Error).message}). Check its Content-Encoding and Content-Length.`,
          ),
        );
      if (error) return next(error);
      const bytes = req.body as Buffer | undefined;
      req.body = undefined;
      if (!bytes || bytes.length === 0) return next();
      try {
        const { text, value } = parse(bytes, options.limits);
        req.body = value;
        rawBodies.set(req, text);
      } catch (refusal) {
        return next(refusal);
      }
      next();
    });
  };
};
