/**
 * A deep copy of stored (JSON) data. Not `structuredClone`: the store hands out its state through proxies that
 * note each change (main/store/change-tracker.ts), and those cannot be structured-cloned.
 */
export const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
