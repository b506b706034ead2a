import { RECORD_BY_ID } from '../core/record-index';
import {
  type CollectionSpec,
  type Json,
  placeOf,
  type Resolved,
  recordKey,
  resolveCollections,
} from './collections';
import { IdIndex } from './id-index';
import type { JournalEntry } from './journal-entry';

/** Where a record of an array collection stands since the last commit. */
interface RecordMark {
  record: unknown;
  present: boolean;
  /** It left the array at some point: the journal removes it before writing it again (it moved to the end). */
  removed: boolean;
}

interface Marks {
  /** The collection changed in a way a record at a time cannot replay (reordered, holes): written whole. */
  whole: boolean;
  /** Array collections: the records handed out or added by key, in the order they were (re)added. */
  records: Map<string, RecordMark>;
  /** Map collections: the keys read, set or deleted; and those deleted at some point. */
  keys: Set<string>;
  deleted: Set<string>;
}

const RAW = Symbol('smsim.raw');
const INDEX = /^(?:0|[1-9]\d*)$/;

/** Reads that hand out no record and run no caller code over records. */
const READS = new Set(['findIndex', 'findLastIndex', 'indexOf', 'lastIndexOf', 'includes', 'some', 'every']);

const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;

const rawOf = (value: object): object | undefined => (value as { [RAW]?: object })[RAW];

/**
 * `value` with every view proxy in it replaced by the object behind it, so the state holds plain data only.
 * Walked without recursion: a value too deep to serialise is refused by the commit, not by a stack overflow here.
 */
function unwrap<V>(value: V): V {
  if (!isContainer(value)) return value;
  const top = rawOf(value);
  if (top !== undefined) return top as V;
  const pending: object[] = [value];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    for (const [key, child] of Object.entries(node)) {
      if (!isContainer(child)) continue;
      const raw = rawOf(child);
      if (raw !== undefined) (node as Record<string, unknown>)[key] = raw;
      else pending.push(child);
    }
  }
  return value;
}

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
      marks = { whole: false, records: new Map(), keys: new Set(), deleted: new Set() };
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
    return this.#view(raw, () => this.#arrayTraps(raw));
  }

  #map(raw: Json): object {
    return this.#view(raw, () => this.#mapTraps(raw));
  }

  /** Traps that note the records an array collection hands out, takes in and lets go. */
  #arrayTraps(raw: unknown[]): ProxyHandler<unknown[]> {
    const marks = () => this.#marksOf(raw);
    const index = this.#indexOf(raw) as IdIndex;
    /** A record's key, or undefined (and the collection is written whole) for one without. */
    const keyOf = (record: unknown) => {
      if (!isContainer(record)) return undefined;
      const key = recordKey(record);
      if (key === undefined) marks().whole = true;
      return key;
    };
    const handOut = (record: unknown) => {
      const key = keyOf(record);
      if (key === undefined) return;
      const records = marks().records;
      const mark = records.get(key);
      if (!mark) records.set(key, { record, present: true, removed: false });
      else if (mark.present) mark.record = record; // the same key replaced in place keeps its place
    };
    const added = (record: unknown) => {
      const key = keyOf(record);
      if (key === undefined) return;
      const records = marks().records;
      index.added(record);
      const wasRemoved = records.get(key)?.removed ?? false;
      records.delete(key); // (re)added: it now comes after the records added before it
      records.set(key, { record, present: true, removed: wasRemoved });
    };
    const removed = (record: unknown) => {
      index.removed(record);
      const key = keyOf(record);
      if (key !== undefined) marks().records.set(key, { record, present: false, removed: true });
    };
    const whole = () => {
      marks().whole = true;
      index.invalidate();
    };
    const methods: Record<string, (...args: never[]) => unknown> = {
      find: (...args: Parameters<unknown[]['find']>) => {
        const record = raw.find(...args);
        handOut(record);
        return record;
      },
      findLast: (...args: Parameters<unknown[]['findLast']>) => {
        const record = raw.findLast(...args);
        handOut(record);
        return record;
      },
      filter: (...args: Parameters<unknown[]['filter']>) => {
        const records = raw.filter(...args);
        for (const record of records) handOut(record);
        return records;
      },
      at: (index: number) => {
        const record = raw.at(index);
        handOut(record);
        return record;
      },
      push: (...items: unknown[]) => {
        const plain = items.map(unwrap);
        for (const item of plain) added(item);
        return raw.push(...plain);
      },
      pop: () => {
        const record = raw.pop();
        removed(record);
        return record;
      },
      shift: () => {
        const record = raw.shift();
        removed(record);
        return record;
      },
      splice: (start: number, ...rest: unknown[]) => {
        const length = raw.length;
        const from = start < 0 ? Math.max(length + start, 0) : Math.min(start, length);
        const items = rest.slice(1).map(unwrap);
        const gone = rest.length === 0 ? raw.splice(from) : raw.splice(from, rest[0] as number, ...items);
        for (const record of gone) removed(record);
        if (items.length > 0 && from + items.length !== raw.length) whole();
        else for (const item of items) added(item);
        return gone;
      },
    };
    for (const name of ['unshift', 'sort', 'reverse', 'fill', 'copyWithin'] as const)
      methods[name] = (...args: never[]) => {
        whole();
        return (raw[name] as (...args: unknown[]) => unknown)(...args.map(unwrap));
      };
    return {
      get: (target, key, receiver) => {
        if (key === RECORD_BY_ID)
          return (id: string) => {
            const record = index.get(id);
            handOut(record);
            return record;
          };
        if (typeof key === 'string' && INDEX.test(key)) {
          const record = target[Number(key)];
          handOut(record);
          return record;
        }
        if (key === 'length') return target.length;
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        if (typeof key === 'string' && Object.hasOwn(methods, key)) return methods[key];
        if (typeof key === 'string' && READS.has(key)) return value.bind(target);
        // Anything else may hand every record to caller code (map, forEach, for…of, slice…).
        return (...args: unknown[]) => {
          for (const record of target) handOut(record);
          return value.apply(target, args);
        };
      },
      set: (target, key, value) => {
        if (key === 'length') {
          for (const record of target.slice(Number(value))) removed(record);
          if (Number(value) > target.length) whole();
        } else if (typeof key === 'string' && INDEX.test(key)) {
          const at = Number(key);
          const plain = unwrap(value);
          const before = target[at];
          if (at === target.length) added(plain);
          else if (at > target.length || recordKey(before) !== recordKey(plain)) whole();
          else if (before !== plain) {
            index.replaced(before, plain);
            handOut(plain);
          }
          target[at] = plain;
          return true;
        }
        return Reflect.set(target, key, unwrap(value));
      },
      deleteProperty: (target, key) => {
        whole();
        return Reflect.deleteProperty(target, key);
      },
    };
  }

  /** Traps that note the keys a map collection reads, sets and deletes. */
  #mapTraps(raw: Json): ProxyHandler<Json> {
    const touch = (key: string) => this.#marksOf(raw).keys.add(key);
    return {
      get: (target, key, receiver) => {
        if (typeof key === 'string' && Object.hasOwn(target, key)) {
          touch(key);
          return target[key];
        }
        return Reflect.get(target, key, receiver);
      },
      set: (target, key, value) => {
        if (typeof key === 'string') touch(key);
        return Reflect.set(target, key, unwrap(value));
      },
      defineProperty: (target, key, descriptor) => {
        if (typeof key === 'string') touch(key);
        return Reflect.defineProperty(target, key, { ...descriptor, value: unwrap(descriptor.value) });
      },
      deleteProperty: (target, key) => {
        if (typeof key === 'string') {
          touch(key);
          this.#marksOf(raw).deleted.add(key);
        }
        return Reflect.deleteProperty(target, key);
      },
    };
  }
}
