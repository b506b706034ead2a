import { restoreInPlace } from './restore';

/** Object keys from the root of the data to a value; array positions never appear in a path. */
export type Path = string[];

/**
 * One change of a journal entry. `s`: the value at a path set (or `d`: deleted); `u`: a record (an object
 * with a string `id`) of the array at a path added or replaced; `r`: the record with that id removed.
 */
export type JournalOp =
  | { s: Path; v: unknown }
  | { d: Path }
  | { u: Path; v: Record<string, unknown> & { id: string } }
  | { r: Path; id: string };

type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json & { id: string } =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as Json).id === 'string';

/** The value at `path`, or undefined when some step of it is missing. */
export function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}

const define = (object: Json, key: string, value: unknown) =>
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });

/**
 * Applies journal entries, in order, to plain data. Records are found by id through an index built once per
 * array, and removed records leave their arrays in one pass at `finish()`, so replaying many entries onto
 * large arrays stays linear.
 */
export class JournalReplay {
  readonly #byId = new Map<unknown[], Map<string, Json>>();
  readonly #removed = new Map<unknown[], Set<Json>>();

  constructor(private readonly root: Json) {}

  apply(ops: readonly JournalOp[]): void {
    for (const op of ops) {
      if ('s' in op || 'd' in op) this.#set(op);
      else {
        const array = valueAt(this.root, 'u' in op ? op.u : op.r);
        if (!Array.isArray(array)) continue;
        if ('u' in op) this.#upsert(array, op.v);
        else this.#remove(array, op.id);
      }
    }
  }

  /** Takes the removed records out of their arrays. */
  finish(): void {
    for (const [array, removed] of this.#removed) {
      const kept = array.filter((item) => !removed.has(item as Json));
      array.splice(0, array.length, ...kept);
    }
    this.#removed.clear();
    this.#byId.clear();
  }

  #set(op: { s: Path; v: unknown } | { d: Path }): void {
    const path = 's' in op ? op.s : op.d;
    const parent = valueAt(this.root, path.slice(0, -1));
    if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) return;
    const key = path[path.length - 1]!;
    if ('s' in op) define(parent as Json, key, op.v);
    else delete (parent as Json)[key];
  }

  #index(array: unknown[]): Map<string, Json> {
    let index = this.#byId.get(array);
    if (!index) {
      index = new Map();
      for (const item of array) if (isRecord(item) && !index.has(item.id)) index.set(item.id, item);
      this.#byId.set(array, index);
    }
    return index;
  }

  #upsert(array: unknown[], record: Json & { id: string }): void {
    const index = this.#index(array);
    const current = index.get(record.id);
    if (current) restoreInPlace(current, record);
    else {
      array.push(record);
      index.set(record.id, record);
    }
  }

  #remove(array: unknown[], id: string): void {
    const index = this.#index(array);
    const current = index.get(id);
    if (!current) return;
    index.delete(id);
    const removed = this.#removed.get(array) ?? new Set<Json>();
    this.#removed.set(array, removed.add(current));
  }
}
