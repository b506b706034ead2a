import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { ApiError } from '../../core/errors';
import { asHostHeaderName, hostnameOf, isLoopbackHostname } from '../../core/loopback';
import type { RequestRule } from './front-door';

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** Every address of this machine's interfaces and its own name: what a wildcard bind is reached by. */
function machineNames(): string[] {
  const addresses = Object.values(networkInterfaces()).flatMap((entries) =>
    (entries ?? []).map((entry) => entry.address),
  );
  const name = hostname();
  return [...addresses, name, name.split('.')[0]!];
}

/** The `Host` names (besides loopback ones) a server bound to `bindHost` answers to. */
export function allowedHostnames(bindHost: string): Set<string> {
  const names = WILDCARDS.has(bindHost) ? [bindHost, ...machineNames()] : [bindHost];
  return new Set(names.map(asHostHeaderName));
}

/** Why a request's `Host` is refused (a 403), or undefined when it names this server. */
export function hostRefusal(req: IncomingMessage, allowed: ReadonlySet<string>): ApiError | undefined {
  const given = req.headers.host;
  const name = given === undefined ? undefined : hostnameOf(given);
  if (name !== undefined && (isLoopbackHostname(name) || allowed.has(name))) return undefined;
  const shown = given === undefined ? 'no Host header' : `the Host header "${given.slice(0, 100)}"`;
  return new ApiError(
    403,
    'HostNotAllowed',
    `This request has ${shown}, which does not name this smsim server. smsim answers only requests ` +
      `addressed to 127.0.0.1, localhost or [::1] (or the --host address it was started with): a page ` +
      `of another site reaching it under its own name (DNS rebinding) is refused. ` +
      `Use http://127.0.0.1:${req.socket.localPort}.`,
  );
}

/** Every server: the `Host` must be a loopback name or the `--host` address (DNS rebinding). */
export const hostCheck: RequestRule = ({ host }) => {
  const allowed = allowedHostnames(host);
  return (req, _res, next) => next(hostRefusal(req, allowed));
};
