/** An error meant for an API caller: an HTTP status, a CamelCase code and a sentence saying what to do. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(description);
    this.name = 'ApiError';
  }

  toBody(): Record<string, unknown> {
    return { error: this.error, description: this.description, ...this.extra };
  }
}

export const badRequest = (description: string, extra?: Record<string, unknown>) =>
  new ApiError(400, 'BadRequest', description, extra);
export const notFound = (description: string) => new ApiError(404, 'NotFound', description);
export const conflict = (description: string, error = 'Conflict') => new ApiError(409, error, description);
