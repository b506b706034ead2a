import type { RequestHandler } from 'express';
import { ApiError } from '../../core/errors';
import type { PlatformService } from '../../core/sm/platforms';
import { type BasicCredentials, matches, parseBasicAuth } from '../http/basic-auth';

const REALM = 'smsim Service Manager';

function unauthorized(
  res: Parameters<RequestHandler>[1],
  given: BasicCredentials | undefined,
  who: string,
): ApiError {
  res.setHeader('WWW-Authenticate', `Basic realm="${REALM}"`);
  return new ApiError(
    401,
    'Unauthorized',
    given
      ? `The credentials are not those of ${who}. Take them from GET /api/endpoints on the control server.`
      : `Basic authentication as ${who} is required. Take the credentials from GET /api/endpoints on the control server.`,
  );
}

/** Admin-only routes. */
export function requireAdmin(admin: BasicCredentials): RequestHandler {
  return (req, res, next) => {
    const given = parseBasicAuth(req.headers);
    next(matches(given, admin) ? undefined : unauthorized(res, given, 'the admin'));
  };
}

/** Routes a platform's broker proxy may call too (reads, the OSB route); `res.locals.platform` is set for platforms. */
export function requireAdminOrPlatform(admin: BasicCredentials, platforms: PlatformService): RequestHandler {
  return async (req, res, next) => {
    const given = parseBasicAuth(req.headers);
    if (matches(given, admin)) return next();
    const platform = given ? await platforms.authenticate(given) : undefined;
    if (!platform) return next(unauthorized(res, given, 'the admin or a platform'));
    res.locals.platform = platform;
    next();
  };
}

/** The OSB route: platform credentials only. */
export function requirePlatform(platforms: PlatformService): RequestHandler {
  return async (req, res, next) => {
    const given = parseBasicAuth(req.headers);
    const platform = given ? await platforms.authenticate(given) : undefined;
    if (!platform) return next(unauthorized(res, given, 'a platform'));
    res.locals.platform = platform;
    next();
  };
}
