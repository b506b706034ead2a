import { isObject } from '../core/is-object';
/**
 * The parts of the state that grow with the landscape: arrays of records with an `id`, or objects of records by
 * key. The journal writes a changed record of one of them alone; everything else (the "rest") is small and is
 * written whole when it changes. A path's `*` segment stands for every key of the object there.
 */
export interface CollectionSpec {
  path: string;
  kind: 'array' | 'map';
}

export type Json = Record<string, unknown>;
type Container = Record<string, unknown> | unknown[];

export interface Resolved {
  /** The path with every `*` filled in, e.g. `platforms.cf-dev.instances`. */
  path: string;
  spec: CollectionSpec;
  parent: Json;
  key: string;
}

/**
 * Every collection the state holds now, with the object that holds it; with `places`, also where a collection
 * would be (its holder exists, the key does not).
 */
export function resolveCollections(
  root: unknown,
  specs: readonly CollectionSpec[],
  places = false,
): Resolved[] {
  const found: Resolved[] = [];
  for (const spec of specs) {
    const segments = spec.path.split('.');
    const walk = (node: unknown, at: number, path: string[]) => {
      if (!isObject(node)) return;
      const segment = segments[at]!;
      const last = at === segments.length - 1;
      const keys =
        segment === '*'
          ? Object.keys(node)
          : Object.hasOwn(node, segment) || (last && places)
            ? [segment]
            : [];
      for (const key of keys) {
        if (last) found.push({ path: [...path, key].join('.'), spec, parent: node, key });
        else walk(node[key], at + 1, [...path, key]);
      }
    };
    walk(root, 0, []);
  }
  return found;
}

/** Whether `path` (segments from the root) names a collection, leads to one, or neither. */
export function placeOf(
  path: readonly string[],
  specs: readonly CollectionSpec[],
): 'collection' | 'above' | 'none' {
  let place: 'above' | 'none' = 'none';
  for (const spec of specs) {
    const segments = spec.path.split('.');
    if (path.length > segments.length) continue;
    if (!path.every((key, index) => segments[index] === '*' || segments[index] === key)) continue;
    if (path.length === segments.length) return 'collection';
    place = 'above';
  }
  return place;
}

export const emptyCollection = (spec: CollectionSpec): Container => (spec.kind === 'array' ? [] : {});

/** The key a record has in its collection. */
export const recordKey = (record: unknown): string | undefined =>
  isObject(record) && typeof record.id === 'string' ? record.id : undefined;
