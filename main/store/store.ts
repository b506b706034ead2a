import { ApiError } from '../core/errors';

/** Persistence behind one interface: reads are in memory, every mutation is durable before it resolves. */
export interface Store<T> {
  /** The current state. Treat it as read-only outside `update`. */
  readonly data: T;
  /**
   * Applies `mutate` in memory at once and resolves once the change is on disk. Concurrent updates share one
   * write (group commit). `mutate` must throw before it changes anything. When the write fails, the state goes
   * back to what is on disk and every update of that write rejects with a `StoreWriteError`.
   */
  update<R>(mutate: (data: T) => R): Promise<R>;
  /** Resolves when everything applied so far is on disk. */
  flush(): Promise<void>;
  /** Writes what is pending and lets go of what the store holds open (a database's connections). */
  close(): Promise<void>;
  /** How many times the file was written (for tests and benchmarks). */
  readonly writeCount: number;
  readonly path: string;
}

export class StoreLoadError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(
      `Cannot load the data file ${path}: ${reason}. The file was left untouched. ` +
        `Repair it, or move it aside (e.g. \`mv "${path}" "${path}.broken"\`) to start with a fresh state.`,
    );
    this.name = 'StoreLoadError';
  }
}

/** An update refused because the data file could not be written; the state was rolled back to the file's. */
export class StoreWriteError extends ApiError {
  constructor(path: string, stage: 'serialise' | 'write' | 'database', cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const descriptions = {
      serialise:
        `The change was not saved and has been undone: the state could not be turned into JSON (${reason}). ` +
        'Retry; if it fails again, send smaller or less deeply nested data.',
      write:
        `The change was not saved and has been undone: writing the data file ${path} failed (${reason}). ` +
        'Check the disk (space, permissions) and retry.',
      database:
        `The change was not saved and has been undone: the database ${path} did not take it (${reason}). ` +
        'Reads go on; retry once the database is reachable again.',
    };
    super(503, 'StoreUnavailable', descriptions[stage]);
    this.name = 'StoreWriteError';
    this.cause = cause;
  }
}
