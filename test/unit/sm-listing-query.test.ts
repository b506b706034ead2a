import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../main/core/errors';
import { parseQuery } from '../../main/core/sm/listing';

function badRequestOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.error).toBe('BadRequest');
    return apiError.description;
  }
  throw new Error('expected a BadRequest');
}

const fields = new Set(['name', 'ready', 'created_at', 'context.organization_guid', 'platform_id', 'num']);
const fieldError = (query: string, allowed = fields) =>
  badRequestOf(() => parseQuery(query, 'fieldQuery', allowed));

describe('parseQuery: values', () => {
  it('reads an empty or blank query as no criteria', () => {
    expect(parseQuery('', 'fieldQuery')).toEqual([]);
    expect(parseQuery('   ', 'labelQuery')).toEqual([]);
  });

  it('reads strings, numbers, booleans, null and unquoted date-times', () => {
    expect(parseQuery("name eq 'x'", 'fieldQuery')).toEqual([
      { kind: 'fieldQuery', left: 'name', op: 'eq', value: 'x' },
    ]);
    const values = [
      'num eq 42',
      'num eq -1.5',
      'num eq +3',
      'ready eq true',
      'ready eq false',
      'platform_id eq null',
      'created_at gt 2024-01-02T03:04:05Z',
      'created_at gt 2024-01-02T03:04:05.123+02:00',
    ].map((query) => (parseQuery(query, 'fieldQuery')[0] as { value: unknown }).value);
    expect(values).toEqual([
      42,
      -1.5,
      3,
      true,
      false,
      null,
      '2024-01-02T03:04:05Z',
      '2024-01-02T03:04:05.123+02:00',
    ]);
  });

  it("unescapes '' inside quotes and keeps spaces, commas, parentheses and the word and", () => {
    const [criterion] = parseQuery("name eq 'it''s a, (b) and c'''", 'fieldQuery');
    expect(criterion).toMatchObject({ value: "it's a, (b) and c'" });
    expect(parseQuery("name eq ''", 'fieldQuery')[0]).toMatchObject({ value: '' });
    expect(parseQuery("name eq ''''", 'fieldQuery')[0]).toMatchObject({ value: "'" });
  });

  it('keeps backslashes literally', () => {
    expect(parseQuery("name eq 'a\\b'", 'fieldQuery')[0]).toMatchObject({ value: 'a\\b' });
  });

  it('reads every operator', () => {
    for (const op of ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'en', 'contains']) {
      expect(parseQuery(`name ${op} 'x'`, 'fieldQuery')).toEqual([
        { kind: 'fieldQuery', left: 'name', op, value: 'x' },
      ]);
    }
    for (const op of ['in', 'notin']) {
      expect(parseQuery(`name ${op} ('x')`, 'labelQuery')).toEqual([
        { kind: 'labelQuery', left: 'name', op, values: ['x'] },
      ]);
    }
  });

  it('reads lists of mixed items with quoted commas, spaces and parentheses', () => {
    expect(parseQuery("name in ('a, b' , 'c)' ,3,true,  'd''e')", 'fieldQuery')[0]).toMatchObject({
      values: ['a, b', 'c)', 3, true, "d'e"],
    });
  });

  it('accepts an empty list, as Peripli does', () => {
    expect(parseQuery('name notin ()', 'fieldQuery')[0]).toMatchObject({ values: [] });
    expect(parseQuery('name in (  )', 'fieldQuery')[0]).toMatchObject({ values: [] });
  });
});

describe('parseQuery: criteria and whitespace', () => {
  it('splits criteria at " and " but not inside quotes', () => {
    const criteria = parseQuery("name eq 'salt and pepper' and num gt 1 and ready eq true", 'fieldQuery');
    expect(criteria.map((criterion) => criterion.left)).toEqual(['name', 'num', 'ready']);
    expect(criteria[0]).toMatchObject({ value: 'salt and pepper' });
  });

  it('does not split at "and" inside a word or a key, and keeps the criteria order', () => {
    const criteria = parseQuery("brand eq 'x' and android ne 'y'", 'labelQuery');
    expect(criteria.map((criterion) => criterion.left)).toEqual(['brand', 'android']);
  });

  it('treats the separator as case-sensitive', () => {
    expect(fieldError("name eq 'a' AND num eq 1", undefined)).toBe(
      'unexpected "AND num eq 1" after the value in fieldQuery criterion 1 "name eq \'a\' AND num eq 1"',
    );
  });

  it('tolerates extra whitespace around operators, values, separators and list items', () => {
    const criteria = parseQuery("  name   eq   'x'   and\tnum  in (  1 ,2  ,  '3'  )  ", 'fieldQuery');
    expect(criteria).toEqual([
      { kind: 'fieldQuery', left: 'name', op: 'eq', value: 'x' },
      { kind: 'fieldQuery', left: 'num', op: 'in', values: [1, 2, '3'] },
    ]);
  });

  it('needs no space between an operator and a quote or a list', () => {
    expect(parseQuery("name eq'x' and num in(1,2)", 'fieldQuery')).toEqual([
      { kind: 'fieldQuery', left: 'name', op: 'eq', value: 'x' },
      { kind: 'fieldQuery', left: 'num', op: 'in', values: [1, 2] },
    ]);
  });

  it('allows dotted field paths and label keys with punctuation', () => {
    expect(parseQuery("context.organization_guid eq 'o1'", 'fieldQuery', fields)[0]).toMatchObject({
      left: 'context.organization_guid',
    });
    expect(parseQuery("sap.com/region:zone eq 'eu'", 'labelQuery')[0]).toMatchObject({
      left: 'sap.com/region:zone',
    });
  });

  it('allows the same field twice, for ranges', () => {
    expect(parseQuery('num gt 1 and num lt 5', 'fieldQuery')).toHaveLength(2);
  });
});

describe('parseQuery: malformed queries', () => {
  const cases: [string, string][] = [
    [
      "name eq 'x' and name eqq 'x'",
      `unknown operator "eqq" in fieldQuery criterion 2 "name eqq 'x'"; use one of eq, ne, gt, lt, ge, le, in, notin, en, contains`,
    ],
    [
      "name EQ 'x'",
      `unknown operator "EQ" in fieldQuery criterion 1 "name EQ 'x'"; use one of eq, ne, gt, lt, ge, le, in, notin, en, contains`,
    ],
    [
      "nmae eq 'x'",
      `unknown field "nmae" in fieldQuery criterion 1 "nmae eq 'x'"; one of: context.organization_guid, created_at, name, num, platform_id, ready`,
    ],
    [
      "name eq 'x",
      `unterminated quoted string in fieldQuery criterion 1 "name eq 'x"; the quote at character 9 is never closed; write '' for a quote inside a string`,
    ],
    [
      "name eq 'it's'",
      `unexpected "s'" after the value in fieldQuery criterion 1 "name eq 'it's'"; write '' for a quote inside a string`,
    ],
    [
      "name eq 'x' and num eq 'y and ready eq true",
      `unterminated quoted string in fieldQuery criterion 2 "num eq 'y and ready eq true"; the quote at character 8 is never closed; write '' for a quote inside a string`,
    ],
    ["name in 'x'", `operator "in" needs a list like ('a','b') in fieldQuery criterion 1 "name in 'x'"`],
    ['name notin 1', `operator "notin" needs a list like ('a','b') in fieldQuery criterion 1 "name notin 1"`],
    [
      "name eq ('x')",
      `operator "eq" needs a single value, not a list in fieldQuery criterion 1 "name eq ('x')"`,
    ],
    [
      'name eq x',
      `unquoted value "x" in fieldQuery criterion 1 "name eq x"; put strings in single quotes, like 'x'`,
    ],
    [
      'name eq 2024-01-01',
      `unquoted value "2024-01-01" in fieldQuery criterion 1 "name eq 2024-01-01"; put strings in single quotes, like '2024-01-01'`,
    ],
    ['name', 'missing operator after "name" in fieldQuery criterion 1 "name"'],
    ["name 'x'", `missing operator after "name" in fieldQuery criterion 1 "name 'x'"`],
    ['name eq', 'missing value after operator "eq" in fieldQuery criterion 1 "name eq"'],
    ["'name' eq 'x'", `expected a field at the start in fieldQuery criterion 1 "'name' eq 'x'"`],
    ["name eq 'x' and", `missing criterion 2 after the last " and " in fieldQuery`],
    [
      "name eq 'x' 'y'",
      `unexpected "'y'" after the value in fieldQuery criterion 1 "name eq 'x' 'y'"; write '' for a quote inside a string`,
    ],
    [
      "name eq 'x'and num eq 1",
      `unexpected "and num eq 1" after the value in fieldQuery criterion 1 "name eq 'x'and num eq 1"`,
    ],
    ['name eq ,', 'expected a value at "," in fieldQuery criterion 1 "name eq ,"'],
    ["name in ('a'", `unclosed list: missing ")" in fieldQuery criterion 1 "name in ('a'"`],
    ["name in ('a',", `unclosed list: missing ")" in fieldQuery criterion 1 "name in ('a',"`],
    ["name in ('a',)", `empty item 2 in the list in fieldQuery criterion 1 "name in ('a',)"`],
    ["name in (,'a')", `empty item 1 in the list in fieldQuery criterion 1 "name in (,'a')"`],
    [
      "name in ('a' 'b')",
      `expected "," or ")" after list item 1, found "'" in fieldQuery criterion 1 "name in ('a' 'b')"`,
    ],
    [
      "name in ('a', b)",
      `unquoted value "b" in fieldQuery criterion 1 "name in ('a', b)"; put strings in single quotes, like 'b'`,
    ],
    [
      "name in ('a', null)",
      `null cannot be a list item of operator "in" in fieldQuery criterion 1 "name in ('a', null)"`,
    ],
    ["name in ('a') x", `unexpected "x" after the value in fieldQuery criterion 1 "name in ('a') x"`],
    [
      'name contains 1',
      'operator "contains" needs a quoted string, not 1 in fieldQuery criterion 1 "name contains 1"',
    ],
    [
      'name contains null',
      'operator "contains" needs a quoted string, not null in fieldQuery criterion 1 "name contains null"',
    ],
    [
      'num gt true',
      'operator "gt" needs a number or a string, not true in fieldQuery criterion 1 "num gt true"',
    ],
    [
      'num le null',
      'operator "le" needs a number or a string, not null in fieldQuery criterion 1 "num le null"',
    ],
  ];

  it.each(cases)('%s', (query, message) => {
    expect(fieldError(query)).toBe(message);
  });

  it('names label keys in label query errors and checks them only when a set is given', () => {
    expect(badRequestOf(() => parseQuery("env eq 'x'", 'labelQuery', new Set(['region'])))).toBe(
      `unknown label key "env" in labelQuery criterion 1 "env eq 'x'"; one of: region`,
    );
    expect(badRequestOf(() => parseQuery("env eqq 'x'", 'labelQuery'))).toMatch(/in labelQuery criterion 1/);
    expect(parseQuery("anything eq 'x'", 'labelQuery')).toHaveLength(1);
  });
});

describe('parseQuery: properties', () => {
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

  it('reads back any quoted string, alone or in a list', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(parseQuery(`name eq ${quote(a)}`, 'fieldQuery')[0]).toMatchObject({ value: a });
        expect(parseQuery(`name in (${quote(a)}, ${quote(b)})`, 'fieldQuery')[0]).toMatchObject({
          values: [a, b],
        });
      }),
    );
  });

  it('splits any chain of quoted criteria into its parts', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (values) => {
        const query = values.map((value, index) => `k${index} contains ${quote(value)}`).join(' and ');
        expect(
          parseQuery(query, 'labelQuery').map((criterion) => (criterion as { value: string }).value),
        ).toEqual(values);
      }),
    );
  });

  it('fails any input with a BadRequest or parses it, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."ab eqinot(),' 1and-.".split('')) }), (query) => {
        try {
          parseQuery(query, 'fieldQuery');
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
        }
      }),
    );
  });
});
