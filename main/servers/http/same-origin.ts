import type { IncomingMessage } from 'node:http';
import { ApiError } from '../../core/errors';
import type { RequestRule } from './front-door';

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' ? value.toLowerCase() : undefined;
};

function isOwnOrigin(origin: string, req: IncomingMessage): boolean {
  try {
    return new URL(origin).origin === new URL(`http://${req.headers.host}`).origin;
  } catch {
    return false; // `null` (sandboxed frames, file:) or junk
  }
}

/** A link followed or a URL typed: the page that linked here cannot read the answer. */
const isTopLevelNavigation = (req: IncomingMessage) =>
  (req.method === 'GET' || req.method === 'HEAD') &&
  header(req, 'sec-fetch-mode') === 'navigate' &&
  header(req, 'sec-fetch-dest') === 'document';

/**
 * Why a request sent by a browser on behalf of another origin is refused (a 403), or undefined. A foreign
 * `Origin`, or `Sec-Fetch-Site: cross-site | same-site` (another port of localhost is same-site), is
 * refused for every method but a top-level navigation; clients that are not browsers send neither header.
 */
export function crossOriginRefusal(req: IncomingMessage): ApiError | undefined {
  const origin = req.headers.origin;
  const site = header(req, 'sec-fetch-site');
  const foreign = origin !== undefined && !isOwnOrigin(origin, req);
  const crossSite = site === 'cross-site' || site === 'same-site';
  if (!foreign && !(crossSite && !isTopLevelNavigation(req))) return undefined;
  const from = foreign ? `the origin ${origin.slice(0, 100)}` : `a ${site} page`;
  return new ApiError(
    403,
    'CrossOriginRequest',
    `This request was sent by ${from}, not by a page of this server. smsim answers only its own UI and ` +
      'clients that are not browsers (curl, scripts, platforms), so that no web page can read its ' +
      'credentials or change its state. Call it from the smsim UI or from a script.',
  );
}

/** Every server: no web page of another origin reads from it or changes its state. */
export const sameOriginOnly: RequestRule = () => (req, _res, next) => next(crossOriginRefusal(req));
