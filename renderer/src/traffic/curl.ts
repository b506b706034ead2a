import type { Exchange } from '../../../main/traffic/types';

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** Headers curl sets itself from the body or the URL. */
const SKIPPED = new Set(['content-length', 'host', 'connection']);

/** The request of a hop as a curl command line (secrets stay redacted as captured). */
export function curlOf(hop: Pick<Exchange, 'method' | 'url' | 'request'>): string {
  const parts = ['curl', '-X', hop.method, quote(hop.url)];
  for (const [name, value] of Object.entries(hop.request.headers)) {
    if (!SKIPPED.has(name)) parts.push('-H', quote(`${name}: ${value}`));
  }
  if (hop.request.body) parts.push('--data-raw', quote(hop.request.body));
  return parts.join(' ');
}
