import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ApiError } from '../../core/errors';
import type { Logger } from '../../logging';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/** Turns body-parser failures into ApiErrors a caller can act on; anything else is a 500. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const parserError = error as BodyParserError;
  switch (parserError?.type) {
    case 'entity.parse.failed':
      return new ApiError(400, 'BadRequest', `The request body is not valid JSON: ${parserError.message}.`);
    case 'entity.too.large':
      return new ApiError(
        413,
        'PayloadTooLarge',
        `The request body is larger than the limit of ${Math.round((parserError.limit ?? 0) / 1024 / 1024)} MiB. Send a smaller body.`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(415, 'UnsupportedMediaType', 'Send the body as UTF-8 JSON.');
  }
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
