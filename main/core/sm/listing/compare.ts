import { DATE_TIME, NUMBER, type Scalar } from './criterion';

const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

function asNumber(value: Scalar): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && NUMBER.test(value) ? Number(value) : undefined;
}

/**
 * How a stored value orders against a query value: negative, zero or positive, or undefined when
 * they cannot be compared. Numbers compare numerically (numeric strings too); two ISO date-times compare
 * as instants, so `…00Z` equals `…00.000Z`; other strings compare by code unit.
 */
export function order(actual: unknown, expected: number | string): number | undefined {
  if (!isScalar(actual)) return undefined;
  if (typeof expected === 'number') {
    const number = asNumber(actual);
    return number === undefined ? undefined : number - expected;
  }
  const text = String(actual);
  if (DATE_TIME.test(text) && DATE_TIME.test(expected)) return Date.parse(text) - Date.parse(expected);
  return text < expected ? -1 : text > expected ? 1 : 0;
}

export function equals(actual: unknown, expected: Scalar): boolean {
  if (typeof expected === 'boolean') return isScalar(actual) && String(actual) === String(expected);
  return order(actual, expected) === 0;
}

export const containsText = (actual: unknown, expected: string): boolean =>
  isScalar(actual) && String(actual).includes(expected);
