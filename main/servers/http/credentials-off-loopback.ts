import { ApiError } from '../../core/errors';
import { isLoopbackHostname } from '../../core/loopback';
import { type BasicCredentials, matches, parseBasicAuth } from './basic-auth';
import type { RequestRule } from './front-door';

const AUTH_REALM = 'smsim';

/**
 * A server bound to an address other machines reach (`--host 0.0.0.0`, a LAN address) answers no request
 * without credentials: the server's own (`auth`), or the control token. On loopback it changes nothing.
 */
export const credentialsOffLoopback: RequestRule = ({ host, auth, controlToken }) => {
  if (isLoopbackHostname(host)) return (_req, _res, next) => next();
  if (!auth && !controlToken)
    throw new Error(`A server bound to ${host} needs credentials to check (FrontDoorOptions.auth).`);
  const accept = (given: BasicCredentials) =>
    (!!controlToken && matches(given, controlToken)) || !!auth?.(given);
  return (req, res, next) => {
    const given = parseBasicAuth(req.headers);
    if (given && accept(given)) return next();
    res.setHeader('WWW-Authenticate', `Basic realm="${AUTH_REALM}", charset="UTF-8"`);
    next(
      new ApiError(
        401,
        'Unauthorized',
        `smsim listens on ${host}, so every request needs Basic credentials: ` +
          `${given ? 'these are not accepted' : 'none were sent'}. Use the control token ` +
          '(user smsim; `smsim serve` prints it at start, it is kept in the data file) or this ' +
          "server's own credentials from GET /api/endpoints on the control server.",
      ),
    );
  };
};
