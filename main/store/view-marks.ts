// What the change tracker's views note, and how they keep themselves out of the state.
/** Where a record of an array collection stands since the last commit. */
export interface RecordMark {
  record: unknown;
  present: boolean;
  /** It left the array at some point: the journal removes it before writing it again (it moved to the end). */
  removed: boolean;
}

export interface Marks {
  /** The collection changed in a way a record at a time cannot replay (reordered, holes): written whole. */
  whole: boolean;
  /** Array collections: the records handed out or added by key, in the order they were (re)added. */
  records: Map<string, RecordMark>;
  /** Map collections: the keys read, set or deleted; and those deleted at some point. */
  keys: Set<string>;
  deleted: Set<string>;
}

/** The key under which a view answers with the object behind it. */
export const RAW = Symbol('smsim.raw');

export const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;

const rawOf = (value: object): object | undefined => (value as { [RAW]?: object })[RAW];

/**
 * `value` with every view proxy in it replaced by the object behind it, so the state holds plain data only.
 * Walked without recursion: a value too deep to serialise is refused by the commit, not by a stack overflow here.
 */
export function unwrap<V>(value: V): V {
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

export const newMarks = (): Marks => ({
  whole: false,
  records: new Map(),
  keys: new Set(),
  deleted: new Set(),
});
