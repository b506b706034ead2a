import type { Json } from './collections';
import { type Marks, unwrap } from './view-marks';

/** Traps that note the keys a map collection reads, sets and deletes (`marks`). */
export function mapTraps(marks: () => Marks): ProxyHandler<Json> {
  const touch = (key: string) => marks().keys.add(key);
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
        marks().deleted.add(key);
      }
      return Reflect.deleteProperty(target, key);
    },
  };
}
