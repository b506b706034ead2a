import { describe, expect, it } from 'vitest';
import { matchesPath } from '../../main/workflows/recordings/rules';
import { compareJson } from '../../main/workflows/replay/compare';
import { Substitutions } from '../../main/workflows/replay/ids';
import { resolveRefs } from '../../main/workflows/scenarios/refs';

describe('compareJson', () => {
  it('ignores key order and reports each differing path', () => {
    expect(compareJson({ a: 1, b: { c: 'x' } }, { b: { c: 'x' }, a: 1 }, [])).toEqual([]);
    expect(compareJson({ a: 1, b: { c: 'x' }, d: [1, 2] }, { a: 2, b: {}, d: [1], e: true }, [])).toEqual([
      { path: '$.a', expected: 1, actual: 2 },
      { path: '$.b.c', expected: 'x', actual: '(missing)' },
      { path: '$.d.length', expected: 2, actual: 1 },
      { path: '$.e', expected: '(missing)', actual: true },
    ]);
  });

  it('compares volatile paths by type only; a redacted value matches any value that is there', () => {
    const volatile = ['$.operation', '$.credentials.**'];
    expect(compareJson({ operation: 'a' }, { operation: 'b' }, volatile)).toEqual([]);
    expect(compareJson({ operation: 'a' }, { operation: 1 }, volatile)).toHaveLength(1);
    expect(
      compareJson({ credentials: { port: '[redacted]' } }, { credentials: { port: 5432 } }, volatile),
    ).toEqual([]);
    expect(compareJson({ credentials: { port: '[redacted]' } }, { credentials: {} }, volatile)).toEqual([
      { path: '$.credentials.port', expected: '[redacted]', actual: '(missing)' },
    ]);
  });
});

describe('matchesPath', () => {
  it('matches exact paths, * for one segment and ** for anything below', () => {
    expect(matchesPath(['$.a.b'], ['a', 'b'])).toBe(true);
    expect(matchesPath(['$.a.b'], ['a'])).toBe(false);
    expect(matchesPath(['$.*.b'], ['x', 'b'])).toBe(true);
    expect(matchesPath(['$.a.**'], ['a', 'b', 'c'])).toBe(true);
    expect(matchesPath(['$.a.**'], ['a'])).toBe(false);
  });
});

describe('Substitutions', () => {
  it('rewrites every occurrence of every recorded value', () => {
    const ids = new Substitutions();
    ids.set('old-1', 'new-1');
    ids.set('old-2', 'new-2');
    expect(ids.apply('/v2/service_instances/old-1/service_bindings/old-2?x=old-1')).toBe(
      '/v2/service_instances/new-1/service_bindings/new-2?x=new-1',
    );
  });
});

describe('resolveRefs', () => {
  const saved = new Map<string, unknown>([['db', { id: 'i-1', size: 3, labels: { a: 'b' } }]]);
  const ref = (path: string) => `\${${path}}`;

  it('keeps the type of a whole reference and interpolates inside strings', () => {
    expect(resolveRefs({ n: ref('db.size'), s: `id=${ref('db.id')}`, l: ref('db.labels') }, saved)).toEqual({
      n: 3,
      s: 'id=i-1',
      l: { a: 'b' },
    });
  });

  it('names an unknown step or field', () => {
    expect(() => resolveRefs(ref('nope.id'), saved)).toThrow('names no earlier step');
    expect(() => resolveRefs(ref('db.nope'), saved)).toThrow('step "db" has no field nope');
  });
});
