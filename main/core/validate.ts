import type { z } from 'zod';
import { fromError } from 'zod-validation-error';
import { badRequest } from './errors';

/** Parses a request body (or query) with `schema`; a mismatch is a 400 whose description names the fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw badRequest(`${what} is invalid: ${fromError(parsed.error, { prefix: null }).message}`);
}
