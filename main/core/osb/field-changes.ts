import { isDeepStrictEqual } from 'node:util';
import { isObject } from '../is-object';

/** One field of a catalog entry that a refresh changed, its values as short JSON text. */
export interface FieldChange {
  /** A dotted path, e.g. `description` or `metadata.bullets`. */
  field: string;
  /** Absent: the field is new. */
  before?: string;
  /** Absent: the field was removed. */
  after?: string;
}

const MAX_VALUE_CHARS = 60;
/** Deeper than this, a changed object is named as a whole (`schemas.service_instance.create`). */
const MAX_DEPTH = 3;

function shortJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** The fields that differ between two versions of one entry, objects walked key by key, in key order. */
export function fieldChanges(before: unknown, after: unknown, path = '', depth = 0): FieldChange[] {
  if (isDeepStrictEqual(before, after)) return [];
  if (isObject(before) && isObject(after) && depth < MAX_DEPTH) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) =>
      fieldChanges(before[key], after[key], path ? `${path}.${key}` : key, depth + 1),
    );
  }
  return [
    {
      field: path,
      ...(before === undefined ? {} : { before: shortJson(before) }),
      ...(after === undefined ? {} : { after: shortJson(after) }),
    },
  ];
}
