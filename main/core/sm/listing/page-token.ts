import { z } from 'zod';
import { badRequest } from '../../errors';

/** What a list is ordered by: creation time, then id for items created in the same instant. */
export interface Positioned {
  id: string;
  created_at: string;
}

/** The order every paged list must be sorted in; tokens point into it. */
export const byCreation = (a: Positioned, b: Positioned): number =>
  compareText(a.created_at, b.created_at) || compareText(a.id, b.id);

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const tokenSchema = z.tuple([z.string(), z.string()]);

/**
 * A token names the last item of a page by its position, not its index, so the next page starts
 * right after it even when items before it were added or removed meanwhile.
 */
export const encodeToken = (last: Positioned): string =>
  Buffer.from(JSON.stringify([last.created_at, last.id])).toString('base64url');

export function decodeToken(token: string): Positioned {
  const invalid = badRequest(
    `invalid token "${token}": pass the token of the previous page unchanged, or leave it out to start at the first page`,
  );
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw invalid;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const parsed = tokenSchema.safeParse(decoded);
  if (!parsed.success) throw invalid;
  const [created_at, id] = parsed.data;
  return { created_at, id };
}
