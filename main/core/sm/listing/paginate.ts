import { badRequest } from '../../errors';
import { byCreation, decodeToken, encodeToken, type Positioned } from './page-token';
import { singleParam } from './param';

export const DEFAULT_MAX_ITEMS = 50;
export const MAX_ITEMS_LIMIT = 200;

export interface PageParams {
  max_items?: unknown;
  token?: unknown;
}

/** The body of a list response. */
export interface Page<T> {
  token?: string;
  num_items: number;
  items: T[];
}

/** A page and, when more items follow, the value for its `Link` header. */
export interface PageResult<T> {
  page: Page<T>;
  link?: string;
}

/** The request's URL (absolute, or path and query) whose token is replaced, or a function making the URL. */
export type NextUrl = string | ((token: string) => string);

/**
 * One page of `items`, which must be sorted with `byCreation`. `num_items` counts all of them;
 * `max_items=0` asks for the count only; an empty `token` means the first page.
 */
export function paginate<T extends Positioned>(
  items: readonly T[],
  params: PageParams,
  next: NextUrl,
): PageResult<T> {
  const max = parseMaxItems(singleParam('max_items', params.max_items));
  const token = singleParam('token', params.token);
  const after = token ? decodeToken(token) : undefined;
  const num_items = items.length;
  if (max === 0) return { page: { num_items, items: [] } };

  const found = after ? items.findIndex((item) => byCreation(item, after) > 0) : 0;
  const start = found === -1 ? items.length : found;
  const pageItems = items.slice(start, start + max);
  const last = pageItems.at(-1);
  if (!last || start + max >= items.length) return { page: { num_items, items: pageItems } };
  const nextToken = encodeToken(last);
  return {
    page: { token: nextToken, num_items, items: pageItems },
    link: `<${nextUrl(next, nextToken)}>; rel="next"`,
  };
}

function parseMaxItems(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_ITEMS;
  if (!/^\d+$/.test(text)) throw badRequest(`max_items must be a non-negative integer, not "${text}"`);
  const max = Number(text);
  if (max > MAX_ITEMS_LIMIT) throw badRequest(`max_items must be at most ${MAX_ITEMS_LIMIT}, not ${text}`);
  return max;
}

function nextUrl(next: NextUrl, token: string): string {
  if (typeof next === 'function') return next(token);
  const url = new URL(next, 'http://relative.invalid');
  url.searchParams.set('token', token);
  return URL.canParse(next) ? url.href : `${url.pathname}${url.search}`;
}
