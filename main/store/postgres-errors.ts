import { passwordOf, shownStoreUrl } from './store-location';

/** A PostgreSQL store that cannot start: one sentence naming the cause and what to do. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ECONNRESET',
]);

interface DriverError {
  code?: string;
  message?: string;
}

/** The driver's message without the password, should it ever echo it. */
export function withoutPassword(text: string, url: string): string {
  const password = passwordOf(url);
  return password ? text.split(password).join('***') : text;
}

/** Whether the error says the server is unreachable or the connection broke, rather than refusing a statement. */
export function isConnectionError(error: unknown): boolean {
  const { code, message = '' } = (error ?? {}) as DriverError;
  return (
    (code !== undefined && CONNECTION_CODES.has(code)) ||
    code?.startsWith('08') === true ||
    code === '57P01' ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      message,
    )
  );
}

/** The sentence for an error met while connecting to the database or preparing its tables. */
export function openFailure(error: unknown, url: string): StoreOpenError {
  const shown = shownStoreUrl(url);
  const { code, message = String(error) } = (error ?? {}) as DriverError;
  const reason = withoutPassword(message, url);
  const parsed = new URL(url);
  const user = decodeURIComponent(parsed.username) || 'the default user';
  const database = decodeURIComponent(parsed.pathname.slice(1)) || user;
  const sentence = (() => {
    if (code === '28P01' || code === '28000')
      return `The database ${shown} refused the credentials of ${user} (${reason}): check the user name and password of the store URL.`;
    if (code === '3D000')
      return `The database "${database}" does not exist on ${parsed.host}: create it (createdb ${database}) or correct the store URL.`;
    if (code === '42501')
      return `User ${user} may not create or use smsim's tables in ${shown} (${reason}): grant it the privileges (e.g. GRANT CREATE ON SCHEMA public TO ${user}), or use a database it owns.`;
    if (isConnectionError(error))
      return `Cannot reach the database ${shown} (${code ?? reason}): is PostgreSQL running there, and are the host and port right?`;
    return `The database ${shown} could not be opened: ${reason}.`;
  })();
  return new StoreOpenError(sentence);
}
