import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../main/core/errors';
import {
  filterByQueries,
  matchesFieldCriteria,
  matchesLabelCriteria,
  parseQuery,
} from '../../main/core/sm/listing';
import type { Labels } from '../../main/core/sm/model';

const resource = {
  name: 'db-1',
  num: 10,
  ratio: 0.5,
  ready: true,
  platform_id: null,
  created_at: '2024-05-01T10:00:00.000Z',
  context: { organization_guid: 'org-1', space: { guid: 's-1' } },
  tags: ['sql', 'small'],
};

const fieldMatches = (query: string) => matchesFieldCriteria(resource, parseQuery(query, 'fieldQuery'));

describe('matchesFieldCriteria', () => {
  it.each([
    ["name eq 'db-1'", true],
    ["name eq 'db-2'", false],
    ['num eq 10', true],
    ['num eq 10.0', true],
    ["num eq '10'", true],
    ['num eq 11', false],
    ['ratio eq 0.5', true],
    ['ready eq true', true],
    ["ready eq 'true'", true],
    ['ready eq false', false],
    ["name ne 'db-2'", true],
    ["name ne 'db-1'", false],
    ["missing ne 'x'", true],
    ['num gt 9', true],
    ['num gt 10', false],
    ['num ge 10', true],
    ['num lt 11', true],
    ['num lt 10', false],
    ['num le 10', true],
    ["num gt '9'", false],
    ["name gt 'db-0'", true],
    ["name lt 'db-0'", false],
    ["name gt 'a' and name lt 'e'", true],
    ['name gt 5', false],
    ["created_at gt '2024-04-30T23:59:59Z'", true],
    ['created_at ge 2024-05-01T10:00:00Z', true],
    ['created_at le 2024-05-01T12:00:00+02:00', true],
    ['created_at lt 2024-05-01T12:00:00+02:00', false],
    ["created_at eq '2024-05-01T10:00:00Z'", true],
    ["created_at gt '2024-05'", true],
    ["name in ('db-0', 'db-1')", true],
    ["name in ('db-0')", false],
    ['name in ()', false],
    ['num in (1, 10)', true],
    ["name notin ('db-0')", true],
    ["name notin ('db-1', 'x')", false],
    ['name notin ()', true],
    ["missing notin ('x')", true],
    ["missing in ('x')", false],
    ["name contains 'b-'", true],
    ["name contains 'B'", false],
    ["num contains '1'", true],
    ["context contains 'org'", false],
    ["platform_id en 'p1'", true],
    ["missing en 'p1'", true],
    ["name en 'db-1'", true],
    ["name en 'db-2'", false],
    ['platform_id eq null', true],
    ['missing eq null', true],
    ['name eq null', false],
    ['platform_id ne null', false],
    ['name ne null', true],
    ["platform_id eq 'x'", false],
    ['platform_id gt 1', false],
    ["context.organization_guid eq 'org-1'", true],
    ["context.space.guid eq 's-1'", true],
    ["context.space.guid.deeper eq 's-1'", false],
    ["context.nothing eq 'x'", false],
    ["context eq 'x'", false],
    ["tags eq 'sql'", true],
    ["tags eq 'big'", false],
    ["tags ne 'sql'", false],
    ["tags in ('x', 'small')", true],
    ["constructor eq 'x'", false],
    ["name eq 'db-1' and num gt 100", false],
    ["name eq 'db-1' and num gt 1", true],
  ])('%s → %s', (query, expected) => {
    expect(fieldMatches(query)).toBe(expected);
  });

  it('matches everything with no criteria', () => {
    expect(matchesFieldCriteria({}, [])).toBe(true);
  });
});

const labels: Labels = { env: ['dev', 'test'], size: ['10'], team: ["o'brien's"] };
const labelMatches = (query: string, of: Labels = labels) =>
  matchesLabelCriteria(of, parseQuery(query, 'labelQuery'));

describe('matchesLabelCriteria', () => {
  it.each([
    ["env eq 'dev'", true],
    ["env eq 'test'", true],
    ["env eq 'prod'", false],
    ["missing eq 'dev'", false],
    ["env ne 'prod'", true],
    ["env ne 'dev'", false],
    ["missing ne 'dev'", true],
    ["env in ('prod', 'test')", true],
    ["env in ('prod')", false],
    ["missing in ('prod')", false],
    ["env notin ('prod', 'qa')", true],
    ["env notin ('prod', 'dev')", false],
    ["missing notin ('dev')", true],
    ["env contains 'es'", true],
    ["env contains 'rod'", false],
    ["env en 'dev'", true],
    ["env en 'prod'", false],
    ["missing en 'prod'", true],
    ['size gt 9', true],
    ['size gt 10', false],
    ['size ge 10', true],
    ['size lt 100', true],
    ['size le 9', false],
    ["size gt '1'", true],
    ["size lt '2'", true],
    ["env gt 'e'", true],
    ["env lt 'a'", false],
    ['env gt 1', false],
    ['missing eq null', true],
    ['env eq null', false],
    ['env ne null', true],
    ["team eq 'o''brien''s'", true],
    ["env eq 'dev' and size eq 10", true],
    ["env eq 'dev' and size eq 11", false],
    ["toString eq 'x'", false],
  ])('%s → %s', (query, expected) => {
    expect(labelMatches(query)).toBe(expected);
  });
});

describe('filterByQueries', () => {
  const items = [
    { id: '1', name: 'a', ready: true, labels: { env: ['dev'] } },
    { id: '2', name: 'b', ready: false, labels: { env: ['prod'] } },
    { id: '3', name: 'c', ready: true },
  ];
  const allowed = new Set(['name', 'ready']);
  const ids = (queries: Record<string, unknown>) =>
    filterByQueries(items, queries, allowed).map((item) => item.id);

  it('keeps items matching both queries', () => {
    expect(ids({})).toEqual(['1', '2', '3']);
    expect(ids({ fieldQuery: 'ready eq true' })).toEqual(['1', '3']);
    expect(ids({ labelQuery: "env ne 'prod'" })).toEqual(['1', '3']);
    expect(ids({ fieldQuery: 'ready eq true', labelQuery: "env eq 'dev'" })).toEqual(['1']);
    expect(ids({ fieldQuery: '', labelQuery: '' })).toEqual(['1', '2', '3']);
  });

  it('refuses fields outside the allowed set, malformed queries and repeated parameters, even with no items', () => {
    const fail = (queries: Record<string, unknown>) => {
      try {
        filterByQueries([], queries, allowed);
      } catch (error) {
        return (error as ApiError).description;
      }
      return 'no error';
    };
    expect(fail({ fieldQuery: "id eq '1'" })).toBe(
      `unknown field "id" in fieldQuery criterion 1 "id eq '1'"; one of: name, ready`,
    );
    expect(fail({ labelQuery: 'env eq' })).toBe(
      'missing value after operator "eq" in labelQuery criterion 1 "env eq"',
    );
    expect(fail({ fieldQuery: ["name eq 'a'", "name eq 'b'"] })).toBe(
      'give the query parameter fieldQuery at most once, as a plain string',
    );
  });
});
