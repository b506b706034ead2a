/**
 * `base` + `path` as the URL a forwarding request goes to, or undefined when resolving its dot segments
 * (`..`, `%2e%2e`, backslashes: WHATWG URL treats them all as separators) would take it outside `prefix`.
 */
export function confinedUrl(base: string, path: string, prefix: string): URL | undefined {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  return url.pathname.startsWith(prefix) ? url : undefined;
}
