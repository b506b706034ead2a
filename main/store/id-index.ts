import { RECORD_BY_ID } from '../core/record-index';
import { recordKey } from './collections';

/**
 * The records of one array collection by id, kept as the tracked view adds and removes them and rebuilt from the
 * array after anything it cannot follow (a rollback, a fill). With `verify` (the test runs) every lookup is
 * checked against a search of the array, so a change made around the view shows at once.
 */
export class IdIndex {
  #byId: Map<string, unknown> | undefined;

  constructor(
    private readonly records: unknown[],
    private readonly verify: boolean,
  ) {}

  /** Gives `records` its lookup by id (core/record-index.ts), once. */
  static attach(records: unknown[], index: IdIndex): void {
    if (Object.hasOwn(records, RECORD_BY_ID)) return;
    // Configurable, so the tracked view may answer it with a lookup that notes the record it hands out.
    Object.defineProperty(records, RECORD_BY_ID, {
      value: (id: string) => index.get(id),
      enumerable: false,
      configurable: true,
    });
  }

  get(id: string): unknown {
    this.#byId ??= this.#build();
    const found = this.#byId.get(id);
    if (this.verify) {
      const searched = this.records.find((record) => recordKey(record) === id);
      if (searched !== found)
        throw new Error(`Store check: the index of a collection disagrees with it on id ${id}.`);
    }
    return found;
  }

  added(record: unknown): void {
    const key = recordKey(record);
    if (this.#byId && key !== undefined && !this.#byId.has(key)) this.#byId.set(key, record);
  }

  replaced(before: unknown, after: unknown): void {
    this.removed(before);
    const key = recordKey(after);
    if (this.#byId && key !== undefined) this.#byId.set(key, after);
  }

  removed(record: unknown): void {
    const key = recordKey(record);
    if (this.#byId && key !== undefined && this.#byId.get(key) === record) this.#byId.delete(key);
  }

  invalidate(): void {
    this.#byId = undefined;
  }

  #build(): Map<string, unknown> {
    const byId = new Map<string, unknown>();
    for (const record of this.records) {
      const key = recordKey(record);
      if (key !== undefined && !byId.has(key)) byId.set(key, record);
    }
    return byId;
  }
}
