import type { Labels } from '../model';
import { containsText, equals, order } from './compare';
import type { Criterion } from './criterion';

/**
 * Whether the values found under a criterion's left operand satisfy it. A missing or null field, and a
 * missing label key, give no values; a label key gives all its values and an array field its elements.
 * Positive operators need some value to match; `ne` and `notin` are their exact negations, so they match
 * when there are no values; `en` also matches when there are none; `eq null` matches exactly then.
 */
export function matchesValues(values: readonly unknown[], criterion: Criterion): boolean {
  switch (criterion.op) {
    case 'eq':
    case 'ne':
    case 'en': {
      const { value } = criterion;
      const equal = value === null ? values.length === 0 : values.some((actual) => equals(actual, value));
      if (criterion.op === 'ne') return !equal;
      return equal || (criterion.op === 'en' && values.length === 0);
    }
    case 'in':
    case 'notin': {
      const listed = values.some((actual) => criterion.values.some((item) => equals(actual, item)));
      return criterion.op === 'in' ? listed : !listed;
    }
    case 'contains':
      return values.some((actual) => containsText(actual, criterion.value));
    default:
      return values.some((actual) => ordered(order(actual, criterion.value), criterion.op));
  }
}

function ordered(comparison: number | undefined, op: 'gt' | 'lt' | 'ge' | 'le'): boolean {
  if (comparison === undefined) return false;
  if (op === 'gt') return comparison > 0;
  if (op === 'lt') return comparison < 0;
  if (op === 'ge') return comparison >= 0;
  return comparison <= 0;
}

/** The value at a dotted path (`context.organization_guid`); only own properties count. */
function valueAt(resource: object, path: string): unknown {
  let current: unknown = resource;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function fieldValues(resource: object, path: string): readonly unknown[] {
  const value = valueAt(resource, path);
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export const matchesFieldCriteria = (resource: object, criteria: readonly Criterion[]): boolean =>
  criteria.every((criterion) => matchesValues(fieldValues(resource, criterion.left), criterion));

export const matchesLabelCriteria = (labels: Labels, criteria: readonly Criterion[]): boolean =>
  criteria.every((criterion) =>
    matchesValues(Object.hasOwn(labels, criterion.left) ? labels[criterion.left]! : [], criterion),
  );
