import {
  type CollectionSpec,
  emptyCollection,
  type Json,
  recordKey,
  resolveCollections,
} from './collections';

/**
 * One group commit in the journal: the state without its collections when that changed (`rest`), collections
 * written whole, then the records removed and those written, each by collection path and key. Applied in that
 * order; a record written again after its removal goes to the end of its array, as it went in memory.
 */
export interface JournalEntry {
  rest?: Json;
  whole?: Record<string, unknown>;
  del?: Array<[path: string, key: string]>;
  put?: Array<[path: string, key: string, record: unknown]>;
}

/** Collections kept as maps by key while entries are applied (insertion order is the array's order). */
type Working = Map<string, Map<string, unknown>>;

/** A collection's records by key, in its order (an array's keyless records by position). */
export function recordsByKey(collection: unknown): Map<string, unknown> {
  if (Array.isArray(collection))
    return new Map(collection.map((record, index) => [recordKey(record) ?? `#${index}`, record]));
  return new Map(Object.entries((collection ?? {}) as Json));
}

/** Rebuilds the state a data file and the journal entries after it make, as the next start loads it. */
export class JournalReplay {
  #rest: Json;
  #collections: Working = new Map();

  constructor(
    base: Json,
    private readonly specs: readonly CollectionSpec[],
  ) {
    // Each collection's place keeps an empty one, so that the state `finish` gives has its keys in order.
    for (const { path, spec, parent, key } of resolveCollections(base, specs)) {
      this.#collections.set(path, recordsByKey(parent[key]));
      parent[key] = emptyCollection(spec);
    }
    this.#rest = base;
  }

  apply(entry: JournalEntry): void {
    if (entry.rest) this.#rest = entry.rest;
    for (const [path, collection] of Object.entries(entry.whole ?? {}))
      this.#collections.set(path, recordsByKey(collection));
    for (const [path, key] of entry.del ?? []) this.#collections.get(path)?.delete(key);
    for (const [path, key, record] of entry.put ?? []) {
      const collection = this.#collections.get(path) ?? new Map<string, unknown>();
      this.#collections.set(path, collection);
      collection.set(key, record);
    }
  }

  /** The state with its collections empty, as the last entry left it. */
  get rest(): Json {
    return this.#rest;
  }

  /** Every record of every collection, by collection path and key, in order. */
  *records(): Generator<[path: string, key: string, record: unknown]> {
    for (const [path, records] of this.#collections)
      for (const [key, record] of records) yield [path, key, record];
  }

  /** The state: the last rest with each collection it has a place for put back (empty if it has none). */
  finish(): Json {
    for (const { path, spec, parent, key } of resolveCollections(this.#rest, this.specs, true)) {
      const records = this.#collections.get(path);
      if (!records) parent[key] = emptyCollection(spec);
      else if (spec.kind === 'array') parent[key] = [...records.values()];
      else parent[key] = Object.fromEntries(records);
    }
    return this.#rest;
  }
}
