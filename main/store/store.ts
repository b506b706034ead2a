/** Persistence behind one interface: reads are in memory, every mutation is durable before it resolves. */
export interface Store<T> {
  /** The current state. Treat it as read-only outside `update`. */
  readonly data: T;
  /**
   * Applies `mutate` in memory at once and resolves once the change is on disk. Concurrent updates share one
   * write (group commit). `mutate` must throw before it changes anything.
   */
  update<R>(mutate: (data: T) => R): Promise<R>;
  /** Resolves when everything applied so far is on disk. */
  flush(): Promise<void>;
  /** How many times the file was written (for tests and benchmarks). */
  readonly writeCount: number;
  readonly path: string;
}

export class StoreLoadError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(
      `Cannot load the data file ${path}: ${reason}. The file was left untouched. ` +
        `Repair it, or move it aside (e.g. \`mv "${path}" "${path}.broken"\`) to start with a fresh state.`,
    );
    this.name = 'StoreLoadError';
  }
}
