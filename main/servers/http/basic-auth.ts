import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { ApiError } from '../../core/errors';
import type { BasicCredentials } from '../../traffic/basic-auth';

export { type BasicCredentials, basicAuthHeader } from '../../traffic/basic-auth';

export function parseBasicAuth(headers: IncomingHttpHeaders): BasicCredentials | undefined {
  const header = headers.authorization;
  if (!header?.toLowerCase().startsWith('basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function matches(given: BasicCredentials | undefined, expected: BasicCredentials): boolean {
  return !!given && same(given.username, expected.username) && same(given.password, expected.password);
}

/** Refuses with 401 unless the request carries credentials that `accept` approves. */
export function requireBasicAuth(
  realm: string,
  accept: (given: BasicCredentials) => boolean,
): RequestHandler {
  return (req, res, next) => {
    const given = parseBasicAuth(req.headers);
    if (given && accept(given)) return next();
    res.setHeader('WWW-Authenticate', `Basic realm="${realm}"`);
    next(
      new ApiError(
        401,
        'Unauthorized',
        given
          ? 'The credentials are wrong. Use the ones listed by GET /api/endpoints on the control server.'
          : 'Basic authentication is required. Use the credentials listed by GET /api/endpoints on the control server.',
      ),
    );
  };
}
