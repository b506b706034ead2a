import type { Exchange } from '../../../main/traffic/types';

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** Headers curl sets itself (from the body, the URL, `-u`), and the captured (redacted) authorization. */
const SKIPPED = new Set(['content-length', 'host', 'connection', 'authorization']);

/** What `-u` says when the user did not ask for the credentials: shell variables they set themselves. */
export const CREDENTIALS_PLACEHOLDER = '"$SMSIM_USER:$SMSIM_PASSWORD"';

export interface Credentials {
  username: string;
  password: string;
}

/**
 * The request of a hop as a curl command line that runs: the captured authorization is redacted, so it
 * goes as `-u` with the given credentials, else with the placeholder variables (set SMSIM_USER and
 * SMSIM_PASSWORD first). A call that was sent without credentials gets none.
 */
export function curlOf(hop: Pick<Exchange, 'method' | 'url' | 'request'>, credentials?: Credentials): string {
  const parts = ['curl', '-X', hop.method, quote(hop.url)];
  if ('authorization' in hop.request.headers)
    parts.push(
      '-u',
      credentials ? quote(`${credentials.username}:${credentials.password}`) : CREDENTIALS_PLACEHOLDER,
    );
  for (const [name, value] of Object.entries(hop.request.headers)) {
    if (!SKIPPED.has(name)) parts.push('-H', quote(`${name}: ${value}`));
  }
  if (hop.request.body) parts.push('--data-raw', quote(hop.request.body));
  return parts.join(' ');
}
