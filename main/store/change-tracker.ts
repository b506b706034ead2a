import { arrayTraps } from './array-traps';
import { type CollectionSpec, type Json, placeOf, type Resolved, resolveCollections } from './collections';
import { IdIndex } from './id-index';
import type { JournalEntry } from './journal-entry';
import { mapTraps } from './map-traps';
import { isContainer, type Marks, newMarks, RAW, unwrap } from './view-marks';

/**
 * Tells which records an update changed without a proxy on any record: the state is handed to `update` as a view
 * whose collections note every record they hand out, take in or let go. A record reached through the view is
 * taken as changed (it is written again); one the view never handed out is not, so a mutation must reach its
 * records through the state `update` passes (or `store.data` while the update runs), not through a reference
 * kept from before. Reads that hand out no record (`some`, `findIndex`, `includes`…) note nothing.
 */
export class ChangeTracker<T> {
  readonly view: T;
  #marks = new WeakMap<object, Marks>();
  #proxies = new WeakMap<object, object>();
  /** Each collection as of the last commit, by path: another object there now means it was replaced. */
  #known = new Map<string, object>();
  #rest = '';
  readonly #specs: readonly CollectionSpec[];
  #indexes = new WeakMap<object, IdIndex>();

  constructor(
    private readonly root: T,
    specs: readonly CollectionSpec[],
    /** Check every lookup by id against a search (the test runs). */
    private readonly verify = false,
  ) {
    this.#specs = specs;
    this.view = this.#container(root as object, []) as T;
    this.discard();
  }

  /** What changed since the last commit, as one journal line (null: nothing); the marks start over. */
  take(): string | null {
    const collections = resolveCollections(this.root, this.#specs);
    const rest = this.#restOf(collections);
    const entry: Required<Omit<JournalEntry, 'rest'>> = { whole: {}, del: [], put: [] };
    const known = new Map<string, object>();
    for (const { path, parent, key } of collections) {
      const collection = parent[key] as object;
      known.set(path, collection);
      this.#indexOf(collection);
      const marks = this.#marks.get(collection);
      this.#marks.delete(collection);
      if (
        this.#known.get(path) !== collection ||
        marks?.whole ||
        !this.#byRecord(path, collection, marks, entry)
      )
        entry.whole[path] = collection;
    }
    const changed = rest !== this.#rest;
    this.#known = known;
    this.#rest = rest;
    const written: JournalEntry = {};
    if (Object.keys(entry.whole).length > 0) written.whole = entry.whole;
    if (entry.del.length > 0) written.del = entry.del;
    if (entry.put.length > 0) written.put = entry.put;
    if (!changed && Object.keys(written).length === 0) return null;
    const records = JSON.stringify(written);
    if (!changed) return records;
    // The rest's text as measured, not serialised a second time.
    return records === '{}' ? `{"rest":${rest}}` : `{"rest":${rest},${records.slice(1)}`;
  }

  /** Forgets every mark: the state as it is now is what disk holds (written whole, or rolled back). */
  discard(): void {
    this.#marks = new WeakMap();
    this.#known = new Map();
    const collections = resolveCollections(this.root, this.#specs);
    for (const { path, parent, key } of collections) {
      this.#known.set(path, parent[key] as object);
      this.#indexOf(parent[key] as object)?.invalidate(); // a rollback changes arrays behind the view's back
    }
    this.#rest = this.#restOf(collections);
  }

  /** The state's text without its collections (their keys left out). */
  #restOf(collections: readonly Resolved[]): string {
    const skipped = new Set<unknown>(collections.map(({ parent, key }) => parent[key]));
    return JSON.stringify(this.root, (_key, value) => (skipped.has(value) ? undefined : value));
  }

  /** Adds the collection's changed records to `entry`; false when one has no key and the whole must go. */
  #byRecord(
    path: string,
    collection: object,
    marks: Marks | undefined,
    { del, put }: Required<Omit<JournalEntry, 'rest'>>,
  ): boolean {
    if (!marks) return true;
    if (Array.isArray(collection)) {
      for (const [key, mark] of marks.records) {
        if (!mark.present || mark.removed) del.push([path, key]);
        if (mark.present) put.push([path, key, mark.record]);
      }
    } else {
      const map = collection as Json;
      for (const key of marks.keys) {
        const present = Object.hasOwn(map, key);
        if (!present || marks.deleted.has(key)) del.push([path, key]);
        if (present) put.push([path, key, map[key]]);
      }
    }
    return true;
  }

  /** The id index of an array collection, made and attached on first sight. */
  #indexOf(collection: object): IdIndex | undefined {
    if (!Array.isArray(collection)) return undefined;
    let index = this.#indexes.get(collection);
    if (!index) {
      index = new IdIndex(collection, this.verify);
      this.#indexes.set(collection, index);
      IdIndex.attach(collection, index);
    }
    return index;
  }

  #marksOf(collection: object): Marks {
    let marks = this.#marks.get(collection);
    if (!marks) {
      marks = newMarks();
      this.#marks.set(collection, marks);
    }
    return marks;
  }

  /** The view of `raw`, made once: its traps, with `RAW` answered by `raw` itself. */
  #view<O extends object>(raw: O, traps: () => ProxyHandler<O>): object {
    let proxy = this.#proxies.get(raw);
    if (!proxy) {
      const handler = traps();
      const get = handler.get ?? Reflect.get;
      proxy = new Proxy(raw, {
        ...handler,
        get: (target, key, receiver) => (key === RAW ? target : get(target, key, receiver)),
      });
      this.#proxies.set(raw, proxy);
    }
    return proxy;
  }

  /** An object on the way to collections: hands out views of what leads to them, the rest as it is. */
  #container(raw: object, path: readonly string[]): object {
    return this.#view(raw, () => {
      // Where each key of this object leads, worked out once: this runs on every read of the state in an update.
      const places = new Map<string, ReturnType<typeof placeOf>>();
      return {
        get: (target, key, receiver) => {
          const value = Reflect.get(target, key, receiver);
          if (typeof key !== 'string' || !isContainer(value)) return value;
          const at = [...path, key];
          let place = places.get(key);
          if (place === undefined) {
            place = placeOf(at, this.#specs);
            places.set(key, place);
          }
          if (place === 'collection')
            return Array.isArray(value) ? this.#array(value) : this.#map(value as Json);
          return place === 'above' ? this.#container(value, at) : value;
        },
        set: (target, key, value) => Reflect.set(target, key, unwrap(value)),
      };
    });
  }

  #array(raw: unknown[]): object {
    return this.#view(raw, () => arrayTraps(raw, () => this.#marksOf(raw), this.#indexOf(raw) as IdIndex));
  }

  #map(raw: Json): object {
    return this.#view(raw, () => mapTraps(() => this.#marksOf(raw)));
  }
}
