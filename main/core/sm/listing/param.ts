import { badRequest } from '../../errors';

/** A query parameter given at most once: a repeated one arrives as an array, which is refused. */
export function singleParam(name: string, value: unknown): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw badRequest(`give the query parameter ${name} at most once, as a plain string`);
}
