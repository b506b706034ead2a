import type { Labels } from '../model';
import { matchesFieldCriteria, matchesLabelCriteria } from './match';
import { singleParam } from './param';
import { parseQuery } from './parse-query';

export interface ListQueries {
  fieldQuery?: unknown;
  labelQuery?: unknown;
}

/** Parses both queries (so a malformed one fails even on an empty list) and keeps the items matching both. */
export function filterByQueries<T extends { labels?: Labels }>(
  items: readonly T[],
  queries: ListQueries,
  allowedFields: Set<string>,
): T[] {
  const fields = parseQuery(singleParam('fieldQuery', queries.fieldQuery) ?? '', 'fieldQuery', allowedFields);
  const labels = parseQuery(singleParam('labelQuery', queries.labelQuery) ?? '', 'labelQuery');
  return items.filter(
    (item) => matchesFieldCriteria(item, fields) && matchesLabelCriteria(item.labels ?? {}, labels),
  );
}
