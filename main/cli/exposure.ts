import { networkInterfaces } from 'node:os';
import { isLoopbackHostname } from '../core/loopback';
import type { Endpoints } from '../servers/control/endpoints';

const WILDCARDS = new Set(['0.0.0.0', '::']);

/** `name address` of each interface a server bound to `host` is reachable on. */
function reachableInterfaces(host: string): string[] {
  const all = Object.entries(networkInterfaces()).flatMap(([name, entries]) =>
    (entries ?? [])
      .filter((entry) => (host === '0.0.0.0' ? entry.family === 'IPv4' : true))
      .map((entry) => ({ name, address: entry.address })),
  );
  const reached = WILDCARDS.has(host) ? all : all.filter((entry) => entry.address === host);
  return reached.map(({ name, address }) => `${name} ${address.includes(':') ? `[${address}]` : address}`);
}

/**
 * What `smsim serve` prints once at start when bound off loopback: where it is reachable, and the control
 * token every server then asks for. Undefined on loopback.
 */
export function exposureNotice(host: string, endpoints: Endpoints): string | undefined {
  if (isLoopbackHostname(host)) return undefined;
  const interfaces = reachableInterfaces(host);
  const { username, password } = endpoints.control.credentials;
  return [
    `WARNING: smsim listens on ${host}: other machines reach every server on ${
      interfaces.length ? interfaces.join(', ') : 'this address'
    }.`,
    'Every request to every server needs Basic credentials: the control token below, or the',
    "server's own credentials from GET /api/endpoints.",
    `Control token (shown once, kept in the data file): user ${username}, password ${password}`,
  ].join('\n');
}
