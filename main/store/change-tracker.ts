import { isRecord, type JournalOp, type Path, valueAt } from './journal-ops';

type Container = Record<string | symbol, unknown>;

/** A container of the data as reached from the root: its parent and the key it was reached by. */
interface Node {
  target: Container;
  proxy: Container;
  parent: Node | undefined;
  key: string;
}

/** Where a change lands in the journal, from the chain of containers it was made in. */
type Place =
  | { kind: 'free'; path: Path; array: boolean }
  | { kind: 'record'; array: Path; item: Container & { id: string } }
  | { kind: 'whole'; array: Path };

type Pending =
  | { kind: 'set'; path: Path }
  | { kind: 'upsert'; array: Path; item: Container & { id: string } }
  | { kind: 'remove'; array: Path; id: string };

/** Array methods that only read: run on the raw array; what they return is handed out through the view. */
const SEARCHES = new Set<string | symbol>([
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'some',
  'every',
  'filter',
]);

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/**
 * Tracks what the updates change, so a commit journals only that: `view` is the data seen through proxies
 * (containers are wrapped as they are reached, once each), and every write through it is noted at the
 * granularity the journal replays: a record of an array of records (objects with a string `id`) as a whole,
 * an array of anything else as a whole, any other value by its path. `push` and `splice` on an array of
 * records are noted as the records they add or remove, so appending to a large array costs what is appended.
 * Changes made on the raw data (not through `view`) are not seen: the store hands out only `view`.
 */
export class ChangeTracker<T> {
  readonly #nodes = new WeakMap<object, Node>();
  /** Proxy → its target, so values stored through the view are stored raw. */
  readonly #targets = new WeakMap<object, Container>();
  /** Records removed from their array; a later write through a stale reference to one must not revive it. */
  readonly #removed = new WeakSet<object>();
  #pending: Array<Pending | undefined> = [];
  #sets = new Map<string, number>();
  #upserts = new Set<object>();
  readonly view: T;

  constructor(private readonly root: T) {
    this.view = this.#wrap(root as Container, undefined, '') as unknown as T;
  }

  /** Whether anything was noted since the last `take()`. */
  get dirty(): boolean {
    return this.#pending.length > 0;
  }

  /** The changes noted since the last call, as journal operations holding the values as they are now. */
  take(): JournalOp[] {
    const ops: JournalOp[] = [];
    for (const change of this.#pending) {
      if (!change) continue;
      if (change.kind === 'set') {
        const parent = valueAt(this.root, change.path.slice(0, -1));
        if (!isContainer(parent)) continue;
        const key = change.path[change.path.length - 1]!;
        ops.push(Object.hasOwn(parent, key) ? { s: change.path, v: parent[key] } : { d: change.path });
      } else if (change.kind === 'upsert') {
        if (!this.#removed.has(change.item)) ops.push({ u: change.array, v: change.item });
      } else ops.push({ r: change.array, id: change.id });
    }
    this.discard();
    return ops;
  }

  /** Forgets the changes noted (their state was written whole, or rolled back). */
  discard(): void {
    this.#pending = [];
    this.#sets.clear();
    this.#upserts.clear();
  }

  #wrap(value: Container, parent: Node | undefined, key: string): Container {
    const known = this.#nodes.get(value);
    if (known) {
      if (known.parent !== parent) known.parent = parent;
      if (known.key !== key) known.key = key;
      return known.proxy;
    }
    const node: Node = { target: value, proxy: value, parent, key };
    node.proxy = new Proxy(value, this.#handler(node));
    this.#nodes.set(value, node);
    this.#targets.set(node.proxy, value);
    return node.proxy;
  }

  #handler(node: Node): ProxyHandler<Container> {
    return {
      get: (target, key) => {
        const value = target[key];
        if (isContainer(value))
          return typeof key === 'string' && Object.hasOwn(target, key) ? this.#wrap(value, node, key) : value;
        if (typeof value !== 'function' || !Array.isArray(target)) return value;
        if (SEARCHES.has(key)) return this.#search(target, node, key as string);
        if (key === 'push' || key === 'splice') {
          const place = this.#placeOf(node);
          if (place.kind === 'free')
            return key === 'push' ? this.#push(target, place.path) : this.#splice(target, place.path);
        }
        return value;
      },
      set: (target, key, value) => {
        if (typeof key !== 'symbol') this.#note(node, key);
        target[key] = this.#raw(value);
        return true;
      },
      deleteProperty: (target, key) => {
        if (typeof key !== 'symbol') this.#note(node, key);
        return delete target[key];
      },
      defineProperty: (target, key, descriptor) => {
        if (typeof key !== 'symbol') this.#note(node, key);
        const value = 'value' in descriptor ? this.#raw(descriptor.value) : undefined;
        return Reflect.defineProperty(
          target,
          key,
          'value' in descriptor ? { ...descriptor, value } : descriptor,
        );
      },
    };
  }

  #search(array: unknown[], node: Node, method: string) {
    type Search = (this: unknown[], callback: (item: unknown, index: number) => unknown) => unknown;
    const search = (array as unknown as Record<string, Search>)[method]!;
    return (callback: (item: unknown, index: number, array: unknown[]) => unknown) => {
      const wrapped = (item: unknown) => (isContainer(item) ? this.#wrap(item, node, '') : item);
      // The callback sees the items as the view hands them out (it may compare them with records found
      // elsewhere), but the array is walked raw, without a trap per index.
      const found = search.call(array, (item: unknown, index: number) =>
        callback(wrapped(item), index, node.proxy as unknown as unknown[]),
      );
      if (method === 'filter') return (found as unknown[]).map(wrapped);
      return method === 'find' || method === 'findLast' ? wrapped(found) : found;
    };
  }

  #push(array: unknown[], path: Path) {
    return (...items: unknown[]) => {
      const raw = items.map((item) => this.#raw(item));
      const length = array.push(...raw);
      if (raw.every(isRecord)) for (const item of raw) this.#noteUpsert(path, item, true);
      else this.#noteSet(path);
      return length;
    };
  }

  #splice(array: unknown[], path: Path) {
    return (start: number, deleteCount?: number, ...items: unknown[]) => {
      const raw = items.map((item) => this.#raw(item));
      const removed =
        deleteCount === undefined ? array.splice(start) : array.splice(start, deleteCount, ...raw);
      if (raw.length === 0 && removed.every(isRecord))
        for (const item of removed) {
          this.#removed.add(item);
          this.#upserts.delete(item);
          this.#pending.push({ kind: 'remove', array: path, id: item.id });
        }
      else this.#noteSet(path);
      return removed.map((item) => (isContainer(item) ? (this.#nodes.get(item)?.proxy ?? item) : item));
    };
  }

  #note(node: Node, key: string): void {
    const place = this.#placeOf(node);
    if (place.kind === 'record') this.#noteUpsert(place.array, place.item, false);
    else if (place.kind === 'whole') this.#noteSet(place.array);
    else this.#noteSet(place.array ? place.path : [...place.path, key]);
  }

  #noteSet(path: Path): void {
    const id = JSON.stringify(path);
    const before = this.#sets.get(id);
    if (before !== undefined) this.#pending[before] = undefined;
    this.#sets.set(id, this.#pending.length);
    this.#pending.push({ kind: 'set', path });
  }

  #noteUpsert(array: Path, item: Container & { id: string }, added: boolean): void {
    if (added) this.#removed.delete(item);
    else if (this.#removed.has(item)) return;
    if (this.#upserts.has(item)) return;
    this.#upserts.add(item);
    this.#pending.push({ kind: 'upsert', array, item });
  }

  #placeOf(node: Node): Place {
    const chain: Node[] = [];
    for (let at: Node | undefined = node; at?.parent; at = at.parent) chain.unshift(at);
    const path: Path = [];
    for (const link of chain) {
      if (Array.isArray(link.parent!.target)) {
        return isRecord(link.target)
          ? { kind: 'record', array: path, item: link.target }
          : { kind: 'whole', array: path };
      }
      path.push(link.key);
    }
    return { kind: 'free', path, array: Array.isArray(node.target) };
  }

  /** A value stored through the view, with the proxies in it replaced by their targets. */
  #raw(value: unknown): unknown {
    if (!isContainer(value)) return value;
    const target = this.#targets.get(value);
    if (target) return target;
    for (const key of Object.keys(value)) {
      const inner = value[key];
      if (isContainer(inner) && this.#targets.has(inner)) value[key] = this.#targets.get(inner);
    }
    return value;
  }
}
