/**
 * Whether a host name (as in a URL or a `Host` header, without the port; IPv6 with or without brackets)
 * names this machine's loopback interface. Only literal addresses and `localhost` count: a DNS name that
 * happens to resolve to 127.0.0.1 is exactly what a rebinding attack uses.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (name === '::1' || /^(0{0,4}:){7}0{0,3}1$/.test(name)) return true;
  const v4 = name.replace(/^::ffff:/, '');
  const octets = v4.split('.');
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  );
}

/** The host name of a `Host` header value (`name`, `name:port`, `[v6]`, `[v6]:port`), lower-cased. */
export function hostnameOf(hostHeader: string): string {
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  const colon = value.lastIndexOf(':');
  return colon < 0 ? value : value.slice(0, colon);
}

/** The same address written in the form a `Host` header carries it (IPv6 in brackets), lower-cased. */
export function asHostHeaderName(host: string): string {
  const name = host.toLowerCase();
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
}
