import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreInPlace } from '../../main/store/restore';

/** JSON values whose objects often carry one of a few string ids, as the records of the data file do. */
const withIds = (depth: number): fc.Arbitrary<unknown> =>
  depth === 0
    ? fc.jsonValue({ maxDepth: 1 })
    : fc.oneof(
        fc.jsonValue({ maxDepth: 1 }),
        fc.array(withIds(depth - 1), { maxLength: 4 }),
        fc.record(
          { id: fc.constantFrom('a', 'b', 'c'), x: withIds(depth - 1), y: withIds(depth - 1) },
          { requiredKeys: [] },
        ),
      );
const root = fc.dictionary(fc.constantFrom('p', 'q', 'r'), withIds(3));

describe('restoreInPlace', () => {
  it('makes the target deep-equal to the source, whatever both hold', () => {
    fc.assert(
      fc.property(root, root, (target, source) => {
        const expected = structuredClone(source);
        restoreInPlace(target, source);
        expect(target).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps keys such as __proto__ and toString as plain keys', () => {
    const target = JSON.parse('{"a": {"toString": 1, "x": {"id": "a"}}}');
    restoreInPlace(target, JSON.parse('{"a": {"__proto__": {"polluted": true}}}'));
    expect(Object.keys(target.a)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(target.a)).toBe(Object.prototype);
    expect(JSON.stringify(target)).toBe('{"a":{"__proto__":{"polluted":true}}}');
  });

  it('keeps the objects of records that are still there, by id, even when they moved', () => {
    const kept = { id: 'b', tags: ['changed'] };
    const target = { items: [{ id: 'new' }, kept], section: { list: [1, 2, 3] } };
    const section = target.section;
    restoreInPlace(target, { items: [{ id: 'b', tags: ['original'] }], section: { list: [1] } });
    expect(target.items).toEqual([{ id: 'b', tags: ['original'] }]);
    expect(target.items[0]).toBe(kept);
    expect(target.section).toBe(section);
    expect(section.list).toEqual([1]);
  });
});
