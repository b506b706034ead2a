import { type CollectionSpec, type Json, resolveCollections } from './collections';
import { type JournalEntry, JournalReplay, recordsByKey } from './journal-entry';

/** A record as its collection path, its key and its JSON text. */
export type TextRow = [path: string, key: string, text: string];

/**
 * What the database holds as far as this process knows, kept as JSON text: the rest of the state and each
 * record. Strings are nothing for the garbage collector to trace, where a parsed copy of every record would
 * double the objects each major collection marks, and with them the cost of every commit at scale.
 */
export class DurableText {
  #rest = '{}';
  readonly #collections = new Map<string, Map<string, string>>();

  private constructor(private readonly specs: readonly CollectionSpec[]) {}

  /** The text of `state` (not kept: later changes to it are not seen). */
  static of(state: unknown, specs: readonly CollectionSpec[]): DurableText {
    const durable = new DurableText(specs);
    durable.setRestOf(state);
    for (const { path, parent, key } of resolveCollections(state, specs))
      durable.#setWhole(path, parent[key]);
    return durable;
  }

  /** Takes the rest of `state` (all but its collections), keeping the records. */
  setRestOf(state: unknown): void {
    const collections = resolveCollections(state, this.specs);
    const skipped = new Set<unknown>(collections.map(({ parent, key }) => parent[key]));
    this.#rest = JSON.stringify(state, (_key, value) => (skipped.has(value) ? undefined : value));
  }

  /** Applies one group commit's changes as the journal replay does: rest, whole collections, removals, writes. */
  apply(entry: JournalEntry): void {
    if (entry.rest) this.#rest = JSON.stringify(entry.rest);
    for (const [path, collection] of Object.entries(entry.whole ?? {})) this.#setWhole(path, collection);
    for (const [path, key] of entry.del ?? []) this.#collections.get(path)?.delete(key);
    for (const [path, key, record] of entry.put ?? []) {
      const records = this.#collections.get(path) ?? new Map<string, string>();
      this.#collections.set(path, records);
      records.set(key, JSON.stringify(record));
    }
  }

  get rest(): string {
    return this.#rest;
  }

  *rows(): Generator<TextRow> {
    for (const [path, records] of this.#collections)
      for (const [key, text] of records) yield [path, key, text];
  }

  /** The state, parsed anew (for a rollback, or to compare with memory). */
  state(): Json {
    const replay = new JournalReplay(JSON.parse(this.#rest) as Json, this.specs);
    replay.apply({ put: [...this.rows()].map(([path, key, text]) => [path, key, JSON.parse(text)]) });
    return replay.finish();
  }

  #setWhole(path: string, collection: unknown): void {
    const records = new Map<string, string>();
    for (const [key, record] of recordsByKey(collection)) records.set(key, JSON.stringify(record));
    this.#collections.set(path, records);
  }
}
