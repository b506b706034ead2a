import { badRequest } from '../../errors';
import type { Criterion, QueryKind } from './criterion';
import { parseCriterion } from './parse-criterion';
import { splitCriteria } from './split-criteria';

/**
 * Parses a Peripli-style `fieldQuery` or `labelQuery`: criteria joined by ` and `; an empty query
 * means no criteria. `allowed`, when given, is the set of names the left operands may use.
 */
export function parseQuery(text: string, kind: QueryKind, allowed?: Set<string>): Criterion[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  return splitCriteria(trimmed).map((piece, index) => {
    if (piece.trim() === '')
      throw badRequest(`missing criterion ${index + 1} after the last " and " in ${kind}`);
    return parseCriterion(piece.trim(), kind, index + 1, allowed);
  });
}
