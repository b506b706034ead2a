import { REDACTED, type SecretPolicy, secretPolicy } from '../core/secrets';

export { escapeRegExp } from '../core/secrets';
export { REDACTED };

export interface Redactor {
  headers(headers: Record<string, string>): Record<string, string>;
  /** A JSON body with secret values replaced (same keys, same shape); any other text rid of URL user info. */
  body(text: string): string;
  /** Without user info; secret-named query parameters redacted. */
  url(url: string): string;
  /** A free text (a network error) with every URL rid of its user info. */
  text(text: string): string;
}

/** The capture's view of the secret policy (core/secrets.ts), with the extra keys of `traffic.redact`. */
export function createRedactor(extraKeys: readonly string[] | SecretPolicy = []): Redactor {
  const policy = Array.isArray(extraKeys) ? secretPolicy(extraKeys) : (extraKeys as SecretPolicy);
  return {
    headers: (headers) => policy.headers(headers) as Record<string, string>,
    body: policy.json,
    url: policy.url,
    text: policy.text,
  };
}
