import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ApiError } from '../../core/errors';
import type { Logger } from '../../logging';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/** Turns failures of the body reader (json-body.ts) into ApiErrors a caller can act on; anything else is a 500. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const parserError = error as BodyParserError;
  if (parserError?.type === 'encoding.unsupported')
    return new ApiError(
      415,
      'UnsupportedMediaType',
      `${parserError.message}. Send the body uncompressed, or with Content-Encoding gzip, deflate or br.`,
    );
  if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
    return new ApiError(parserError.status, 'BadRequest', parserError.message);
  }
  return new ApiError(500, 'InternalError', 'The simulator failed to handle this request; see its log.');
}

/** The last middleware of every app: every error leaves as JSON, and the process stays up. */
export function jsonErrorHandler(log?: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500)
      log?.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    if (res.headersSent) return res.end();
    res.status(apiError.status).json(apiError.toBody());
  };
}

export const jsonNotFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: 'NotFound', description: `There is no route ${req.method} ${req.path}.` });
};
