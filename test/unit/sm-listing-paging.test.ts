import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../main/core/errors';
import { byCreation, MAX_ITEMS_LIMIT, type PageParams, paginate } from '../../main/core/sm/listing';

interface Item {
  id: string;
  created_at: string;
}

const at = (second: number) => `2024-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;
const makeItems = (count: number): Item[] =>
  Array.from({ length: count }, (_, index) => ({ id: `id-${index}`, created_at: at(index) }));
const ids = (items: Item[]) => items.map((item) => item.id);
const tokenOf = (link: string | undefined) =>
  new URLSearchParams(link?.match(/\?([^>]*)>/)?.[1]).get('token');

function badRequestOf(params: PageParams, items: Item[] = makeItems(3)): string {
  try {
    paginate(items, params, '/v1/platforms');
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    return (error as ApiError).description;
  }
  throw new Error('expected a BadRequest');
}

describe('paginate', () => {
  it('walks 3 pages following the Link header, keeping the other query parameters', () => {
    const items = makeItems(5);
    const base = "/v1/platforms?fieldQuery=name+ne+'x'&max_items=2";

    const first = paginate(items, { max_items: '2' }, base);
    expect(ids(first.page.items)).toEqual(['id-0', 'id-1']);
    expect(first.page.num_items).toBe(5);
    expect(first.page.token).toBeTruthy();
    expect(first.link).toBe(
      `</v1/platforms?fieldQuery=name+ne+%27x%27&max_items=2&token=${first.page.token}>; rel="next"`,
    );

    const second = paginate(items, { max_items: '2', token: tokenOf(first.link)! }, `${base}&token=old`);
    expect(ids(second.page.items)).toEqual(['id-2', 'id-3']);
    expect(second.page.num_items).toBe(5);
    expect(second.link).toBe(
      `</v1/platforms?fieldQuery=name+ne+%27x%27&max_items=2&token=${second.page.token}>; rel="next"`,
    );

    const third = paginate(items, { max_items: '2', token: second.page.token }, base);
    expect(third).toEqual({ page: { num_items: 5, items: [items[4]] } });
  });

  it('gives no token or link when the page reaches the end exactly', () => {
    expect(
      paginate(
        makeItems(4),
        { max_items: '2', token: paginate(makeItems(4), { max_items: '2' }, '/x').page.token },
        '/x',
      ),
    ).toEqual({
      page: { num_items: 4, items: makeItems(4).slice(2) },
    });
    expect(paginate(makeItems(2), { max_items: '2' }, '/x').link).toBeUndefined();
    expect(paginate([], {}, '/x')).toEqual({ page: { num_items: 0, items: [] } });
  });

  it('defaults to 50 items a page and allows up to 200', () => {
    const items = makeItems(250);
    expect(paginate(items, {}, '/x').page.items).toHaveLength(50);
    expect(paginate(items, { max_items: '200' }, '/x').page.items).toHaveLength(200);
  });

  it('counts only with max_items=0', () => {
    expect(paginate(makeItems(7), { max_items: '0' }, '/x')).toEqual({ page: { num_items: 7, items: [] } });
  });

  it('keeps absolute URLs absolute and calls a URL builder', () => {
    const absolute = paginate(
      makeItems(3),
      { max_items: '1' },
      'http://127.0.0.1:4811/v1/platforms?max_items=1',
    );
    expect(absolute.link).toBe(
      `<http://127.0.0.1:4811/v1/platforms?max_items=1&token=${absolute.page.token}>; rel="next"`,
    );
    const built = paginate(makeItems(3), { max_items: '1' }, (token) => `/custom/${token}`);
    expect(built.link).toBe(`</custom/${built.page.token}>; rel="next"`);
  });

  it('continues right after the last item seen when items are removed or added meanwhile', () => {
    const items = makeItems(6);
    const first = paginate(items, { max_items: '2' }, '/x');
    const withoutLastSeen = items.filter((item) => item.id !== 'id-1' && item.id !== 'id-2');
    expect(
      ids(paginate(withoutLastSeen, { max_items: '2', token: first.page.token }, '/x').page.items),
    ).toEqual(['id-3', 'id-4']);
    const withEarlierItem = [{ id: 'early', created_at: at(0) }, ...items].sort(byCreation);
    expect(
      ids(paginate(withEarlierItem, { max_items: '2', token: first.page.token }, '/x').page.items),
    ).toEqual(['id-2', 'id-3']);
  });

  it('orders items created in the same instant by id, and the token tells them apart', () => {
    const items = [
      { id: 'b', created_at: at(1) },
      { id: 'a', created_at: at(1) },
      { id: 'c', created_at: at(0) },
    ].sort(byCreation);
    expect(ids(items)).toEqual(['c', 'a', 'b']);
    const first = paginate(items, { max_items: '2' }, '/x');
    expect(ids(paginate(items, { max_items: '2', token: first.page.token }, '/x').page.items)).toEqual(['b']);
  });

  it('gives an empty page for a token past the end, and starts over for an empty token', () => {
    const items = makeItems(3);
    const last = paginate(items, { max_items: '2' }, '/x');
    expect(paginate(items.slice(0, 2), { token: last.page.token }, '/x')).toEqual({
      page: { num_items: 2, items: [] },
    });
    expect(ids(paginate(items, { token: '' }, '/x').page.items)).toEqual(['id-0', 'id-1', 'id-2']);
  });

  it('refuses max_items over the limit or not a non-negative integer', () => {
    expect(badRequestOf({ max_items: '201' })).toBe(`max_items must be at most ${MAX_ITEMS_LIMIT}, not 201`);
    for (const bad of ['-1', '1.5', 'ten', '', ' 5', '1e2']) {
      expect(badRequestOf({ max_items: bad })).toBe(`max_items must be a non-negative integer, not "${bad}"`);
    }
    expect(badRequestOf({ max_items: ['1', '2'] })).toBe(
      'give the query parameter max_items at most once, as a plain string',
    );
  });

  it('refuses a token it did not make', () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const bad of [
      'not a token',
      'abc$',
      'aGVsbG8',
      forged({ id: 'x' }),
      forged(['x']),
      forged(['a', 1]),
    ]) {
      expect(badRequestOf({ token: bad })).toBe(
        `invalid token "${bad}": pass the token of the previous page unchanged, or leave it out to start at the first page`,
      );
    }
    expect(badRequestOf({ token: 'bad!', max_items: '0' })).toMatch(/^invalid token/);
  });

  it('visits every item exactly once, in order, whatever the page size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 7 }), (count, size) => {
        const items = makeItems(count);
        const seen: Item[] = [];
        let token: string | undefined;
        for (;;) {
          const { page, link } = paginate(items, { max_items: String(size), token }, '/x');
          expect(page.num_items).toBe(count);
          seen.push(...page.items);
          expect(tokenOf(link) ?? undefined).toBe(page.token);
          if (!page.token) break;
          token = page.token;
        }
        expect(seen).toEqual(items);
      }),
    );
  });
});
