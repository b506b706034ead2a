import { describe, expect, it } from 'vitest';
import { globRegExp, shardOf } from '../../main/workflows/replay/select';

describe('replay shards', () => {
  it('n shards of a list hold every item exactly once, in order, in parts of nearly equal length', () => {
    for (let length = 0; length <= 12; length++) {
      const items = Array.from({ length }, (_item, index) => `r${String(index).padStart(2, '0')}.har`);
      for (let total = 1; total <= 7; total++) {
        const parts = Array.from({ length: total }, (_part, index) =>
          shardOf(items, { index: index + 1, total }),
        );
        expect(parts.flat()).toEqual(items);
        const sizes = parts.map((part) => part.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('recording globs', () => {
  it('** spans folders, * and ? stay within a name, {a,b} is either', () => {
    const glob = globRegExp('recordings/**/*.har');
    expect(glob.test('recordings/a.har')).toBe(true);
    expect(glob.test('recordings/x/y/b.har')).toBe(true);
    expect(glob.test('recordings/a.rules.json')).toBe(false);
    expect(glob.test('other/a.har')).toBe(false);
    expect(globRegExp('r/*.har').test('r/x/a.har')).toBe(false);
    expect(globRegExp('r/s?.har').test('r/s1.har')).toBe(true);
    expect(globRegExp('r/{cf,k8s}-*.har').test('r/k8s-bind.har')).toBe(true);
    expect(globRegExp('r/{cf,k8s}-*.har').test('r/sm-bind.har')).toBe(false);
    expect(globRegExp('r/a+b.har').test('r/aab.har')).toBe(false);
  });
});
