export const REDACTED = '[redacted]';

const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'];
/** JSON keys whose values are secrets wherever they appear (`client_secret`, `access_token`, …). */
const SECRET_KEY = /password|secret|token/i;
/** Deeper JSON is not inspected but redacted whole: recursion stays bounded. */
const MAX_DEPTH = 64;

export interface Redactor {
  headers(headers: Record<string, string>): Record<string, string>;
  /** A JSON body with secret values replaced (same keys, same shape); any other text unchanged. */
  body(text: string): string;
  /** Without userinfo; secret-named query parameters redacted. */
  url(url: string): string;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every value below `value` replaced, the keys and the shape kept; null stays null. */
function redactAll(value: unknown, depth: number): unknown {
  if (value === null) return null;
  if (depth > MAX_DEPTH || typeof value !== 'object') return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactAll(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactAll(item, depth + 1)]));
}

/**
 * Redacts at capture time: secret headers, binding `credentials` (every value below, keys kept), values of
 * keys named like password/secret/token, and the extra keys the config lists (JSON keys and header names,
 * case-insensitive).
 */
export function createRedactor(extraKeys: readonly string[] = []): Redactor {
  const extra = new Set(extraKeys.map((key) => key.toLowerCase()));
  const secretKey = (key: string) =>
    key === 'credentials' || SECRET_KEY.test(key) || extra.has(key.toLowerCase());
  // Most bodies hold no secret: a text that names none (and has no \u escape that could spell one) is not parsed.
  const names = ['credentials', SECRET_KEY.source, ...[...extra].map(escapeRegExp), '\\\\u'];
  const mayHoldSecret = new RegExp(names.join('|'), 'i');
  const secretHeader = (name: string) => SECRET_HEADERS.includes(name) || extra.has(name);

  function walk(value: unknown, depth: number, changed: { yes: boolean }): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (depth > MAX_DEPTH) {
      changed.yes = true;
      return REDACTED;
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, changed));
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const secret = secretKey(key) && item !== null;
      if (secret) changed.yes = true;
      result[key] = secret ? redactAll(item, depth + 1) : walk(item, depth + 1, changed);
    }
    return result;
  }

  return {
    headers(headers) {
      const result: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) {
        const lower = name.toLowerCase();
        result[lower] = secretHeader(lower) ? REDACTED : value;
      }
      return result;
    },
    body(text) {
      if (!mayHoldSecret.test(text)) return text;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return text;
      }
      const changed = { yes: false };
      const redacted = walk(parsed, 0, changed);
      return changed.yes ? JSON.stringify(redacted) : text;
    },
    url(url) {
      if (!url.includes('@') && !mayHoldSecret.test(url)) return url;
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return url;
      }
      const secretParams = [...new Set(parsed.searchParams.keys())].filter(secretKey);
      if (!parsed.username && !parsed.password && secretParams.length === 0) return url;
      parsed.username = '';
      parsed.password = '';
      for (const key of secretParams) parsed.searchParams.set(key, REDACTED);
      return parsed.href;
    },
  };
}
