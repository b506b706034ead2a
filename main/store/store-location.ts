/** Where the state is kept: the JSON file in a folder (the default), or a PostgreSQL database. */
export type StoreLocation = { kind: 'file'; dir: string } | { kind: 'postgres'; url: string };

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

export const isPostgresUrl = (value: string) => POSTGRES_URL.test(value);

/** A `--store` / `SMSIM_STORE` / config `store.url` value: a postgres:// URL (anything else is refused). */
export function parseStoreUrl(value: string, source: string): StoreLocation {
  if (!isPostgresUrl(value))
    throw new Error(
      `${source} must be a PostgreSQL URL (postgres://user:password@host:port/database), not "${shownStoreUrl(value)}"; ` +
        'for a JSON file in a folder use --data.',
    );
  try {
    new URL(value);
  } catch {
    throw new Error(`${source} is not a valid URL: "${shownStoreUrl(value)}".`);
  }
  return { kind: 'postgres', url: value };
}

/**
 * The URL as it may be shown (messages, logs, the start-up table, /api/endpoints): without the password,
 * whether the URL carries it in its user info or in a `password` query parameter.
 */
export function shownStoreUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Not a URL: whatever stands between "://" and the last "@" may hold a password.
    return value.replace(/(:\/\/)[^/]*@/, '$1***@');
  }
  if (url.password) url.password = '***';
  for (const key of [...url.searchParams.keys()]) if (/pass/i.test(key)) url.searchParams.set(key, '***');
  return url.href;
}

/** The password of a postgres URL, to take out of any text a driver error may echo. */
export function passwordOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.password ? decodeURIComponent(url.password) : (url.searchParams.get('password') ?? undefined);
  } catch {
    return undefined;
  }
}
