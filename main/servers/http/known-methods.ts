import { ApiError } from '../../core/errors';
import type { RequestRule } from './front-door';

/** The methods of the OSB and SM APIs, of the UI (HEAD) and of CORS preflights (OPTIONS). */
export const KNOWN_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

const known = new Set<string>(KNOWN_METHODS);

/** TRACE, CONNECT, WebDAV methods and the like: 405, before any route sees them. */
export const knownMethods: RequestRule = () => (req, res, next) => {
  if (known.has(req.method)) return next();
  res.setHeader('Allow', KNOWN_METHODS.join(', '));
  next(
    new ApiError(
      405,
      'MethodNotAllowed',
      `smsim does not serve ${req.method} requests. Use one of ${KNOWN_METHODS.join(', ')}.`,
    ),
  );
};
