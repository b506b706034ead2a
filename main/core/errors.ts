import { SECRETS } from './secrets';

/**
 * An error meant for an API caller: an HTTP status, a CamelCase code and a sentence saying what to do. The
 * sentence and the extra fields pass the secret policy, so no error body, log line or refresh record built
 * from one shows a password (a URL's user info, a broker's answer with credentials).
 */
export class ApiError extends Error {
  readonly description: string;
  readonly extra: Record<string, unknown>;

  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
    extra: Record<string, unknown> = {},
  ) {
    const shown = SECRETS.text(description);
    super(shown);
    this.name = 'ApiError';
    this.description = shown;
    this.extra = SECRETS.value(extra);
  }

  toBody(): Record<string, unknown> {
    return { error: this.error, description: this.description, ...this.extra };
  }
}

export const badRequest = (description: string, extra?: Record<string, unknown>) =>
  new ApiError(400, 'BadRequest', description, extra);
export const notFound = (description: string) => new ApiError(404, 'NotFound', description);
export const conflict = (description: string, error = 'Conflict') => new ApiError(409, error, description);
