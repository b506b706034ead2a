interface Batch {
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function newBatch(): Batch {
  const batch = {} as Batch;
  batch.done = new Promise<void>((resolve, reject) => Object.assign(batch, { resolve, reject }));
  return batch;
}

/**
 * Group commit: every update applied in memory before the next write starts rides on that write, and the writes
 * run one after another. `write` saves what is in memory; its outcome settles each update of its batch.
 */
export class GroupCommit {
  /** The updates applied in memory since the last write started; they ride on the next write. */
  #open: Batch | undefined;
  /** The write running now (or the last one); never rejects. */
  #writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: () => Promise<void>,
    /** Run after each write, once its updates are settled (e.g. compaction): they do not wait for it. */
    private readonly after: () => Promise<void> = async () => {},
  ) {}

  /** Resolves once what was applied so far is saved; rejects with the write's error. */
  commit(): Promise<void> {
    if (!this.#open) {
      const batch = newBatch();
      this.#open = batch;
      void this.chain(() => this.#run(batch));
    }
    return this.#open.done;
  }

  /** Runs `step` after the writes queued so far. */
  chain(step: () => Promise<void>): Promise<void> {
    this.#writing = this.#writing.then(step);
    return this.#writing;
  }

  /** Resolves (never rejects) once every write started or queued so far has ended. */
  settled(): Promise<void> {
    return (this.#open?.done ?? this.#writing).catch(() => undefined);
  }

  /**
   * Refuses the updates applied since the running write started: they were made on top of its changes, which
   * a failed write takes back.
   */
  refuseOpen(error: unknown): void {
    this.#open?.reject(error);
    this.#open = undefined;
  }

  async #run(batch: Batch): Promise<void> {
    if (this.#open !== batch) return; // refused by the rollback of the write before it
    this.#open = undefined;
    try {
      await this.write();
      batch.resolve();
    } catch (error) {
      batch.reject(error);
    }
    await this.after();
  }
}
