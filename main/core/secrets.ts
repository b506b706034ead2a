/**
 * The one answer to "what is a secret?" for every surface that shows what passed through smsim: the traffic
 * capture (and so flows, HAR export and recordings), the event bus (SSE), the logs, error descriptions and
 * the catalog refresh history.
 */
export const REDACTED = '[redacted]';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
/** JSON keys whose values are secrets wherever they appear (`client_secret`, `access_token`, …). */
const SECRET_KEY = /password|secret|token/i;
/** Deeper values are not inspected but redacted whole: recursion stays bounded. */
const MAX_DEPTH = 64;
/** The user info of a URL inside any text: `scheme://user:pass@`. */
const URL_USER_INFO = /\b([a-z][a-z\d+.-]*:\/\/)[^\s/?#@"'<>]*@/gi;

export interface SecretPolicy {
  /** JSON keys (and header names, case-insensitive) whose whole value is a secret. */
  isSecretKey(key: string): boolean;
  /** Header names lower-cased, secret ones redacted. */
  headers<T>(headers: Record<string, T>): Record<string, T | string>;
  /**
   * A copy of a plain value (objects, arrays) with the values of secret keys redacted (keys and shape kept,
   * null stays null) and every string rid of URL user info; class instances (errors, dates) as they are.
   */
  value<T>(value: T): T;
  /** `value` on a JSON text: the same text when nothing changed; any other text rid of URL user info. */
  json(text: string): string;
  /** Every URL in a free text without its user info. */
  text(text: string): string;
  /** One URL without user info, its secret-named query parameters redacted. */
  url(url: string): string;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const isPlainObject = (value: object) => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** Every value below `value` replaced, the keys and the shape kept; null stays null. */
function redactAll(value: unknown, depth: number): unknown {
  if (value === null) return null;
  if (depth > MAX_DEPTH || typeof value !== 'object') return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactAll(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactAll(item, depth + 1)]));
}

/** Whether a URL carries user info (`http://user:pass@host`): such URLs are refused where they are given. */
export const hasUserInfo = (url: string) => /^[a-z][a-z\d+.-]*:\/\/[^/?#]*@/i.test(url);

const withoutUserInfo = (text: string) => (text.includes('@') ? text.replace(URL_USER_INFO, '$1') : text);

/** The policy with the built-in secrets plus `extraKeys` (config `traffic.redact`: JSON keys and header names). */
export function secretPolicy(extraKeys: readonly string[] = []): SecretPolicy {
  const extra = new Set(extraKeys.map((key) => key.toLowerCase()));
  const isSecretHeader = (name: string) => {
    const lower = name.toLowerCase();
    return SECRET_HEADERS.has(lower) || extra.has(lower);
  };
  const isSecretKey = (key: string) => key === 'credentials' || SECRET_KEY.test(key) || isSecretHeader(key);
  // A text that names no secret key (and has no \u escape that could spell one) holds no secret value.
  const names = [
    'credentials',
    SECRET_KEY.source,
    ...SECRET_HEADERS,
    ...[...extra].map(escapeRegExp),
    '\\\\u',
  ];
  const namesSecret = new RegExp(names.join('|'), 'i');

  /** `changed.yes` tells whether anything was replaced, so an unchanged JSON text is kept byte for byte. */
  function walk(value: unknown, depth: number, changed: { yes: boolean }): unknown {
    if (typeof value === 'string') {
      const text = withoutUserInfo(value);
      if (text !== value) changed.yes = true;
      return text;
    }
    if (value === null || typeof value !== 'object') return value;
    if (depth > MAX_DEPTH) {
      changed.yes = true;
      return REDACTED;
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, changed));
    if (!isPlainObject(value)) return value;
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const secret = isSecretKey(key) && item !== null;
      if (secret) changed.yes = true;
      result[key] = secret ? redactAll(item, depth + 1) : walk(item, depth + 1, changed);
    }
    return result;
  }

  const policy: SecretPolicy = {
    isSecretKey,
    headers(headers) {
      const result: Record<string, (typeof headers)[string] | string> = {};
      for (const [name, value] of Object.entries(headers)) {
        const lower = name.toLowerCase();
        result[lower] = isSecretHeader(lower) ? REDACTED : value;
      }
      return result;
    },
    value: (value) => walk(value, 0, { yes: false }) as typeof value,
    json(text) {
      if (!namesSecret.test(text)) return withoutUserInfo(text);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return withoutUserInfo(text);
      }
      const changed = { yes: false };
      const redacted = walk(parsed, 0, changed);
      return changed.yes ? JSON.stringify(redacted) : text;
    },
    text: withoutUserInfo,
    url(url) {
      if (!url.includes('@') && !namesSecret.test(url)) return url;
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return withoutUserInfo(url);
      }
      const secretParams = [...new Set(parsed.searchParams.keys())].filter(isSecretKey);
      if (!parsed.username && !parsed.password && secretParams.length === 0) return url;
      parsed.username = '';
      parsed.password = '';
      for (const key of secretParams) parsed.searchParams.set(key, REDACTED);
      return parsed.href;
    },
  };
  return policy;
}

/** The built-in policy, for surfaces that run before (or without) a config. */
export const SECRETS: SecretPolicy = secretPolicy();
