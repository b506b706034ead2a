/**
 * A lookup by id the store attaches to its collections of records (an index it keeps as they change), so finding
 * one of 100,000 instances does not walk them all. An array without one (a copy, a test's state) is searched.
 */
export const RECORD_BY_ID = Symbol.for('smsim.recordById');

interface Indexed<T> {
  [RECORD_BY_ID]?: (id: string) => T | undefined;
}

export function findById<T extends { id: string }>(records: readonly T[], id: string): T | undefined {
  const lookup = (records as Indexed<T>)[RECORD_BY_ID];
  return lookup ? lookup(id) : records.find((record) => record.id === id);
}
