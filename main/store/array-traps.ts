import { RECORD_BY_ID } from '../core/record-index';
import { recordKey } from './collections';
import type { IdIndex } from './id-index';
import { isContainer, type Marks, unwrap } from './view-marks';

const INDEX = /^(?:0|[1-9]\d*)$/;

/** Reads that hand out no record and run no caller code over records. */
const READS = new Set(['findIndex', 'findLastIndex', 'indexOf', 'lastIndexOf', 'includes', 'some', 'every']);

/** Traps that note the records an array collection hands out, takes in and lets go (`marks`), and keep its id index. */
export function arrayTraps(raw: unknown[], marks: () => Marks, index: IdIndex): ProxyHandler<unknown[]> {
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
