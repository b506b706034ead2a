import type { ChangeTracker } from './change-tracker';
import type { GroupCommit } from './group-commit';

/**
 * The `data` and `update` of a store: each mutation runs on the change tracker's view and resolves once the
 * group commit that carries it is written.
 */
export class TrackedUpdates<T> {
  #mutating = false;

  constructor(
    private readonly tracker: ChangeTracker<T>,
    private readonly commits: GroupCommit,
  ) {}

  /** The tracked view while an update runs (so code reading `store.data` inside it is seen), else `live`. */
  data(live: T): T {
    return this.#mutating ? this.tracker.view : live;
  }

  async update<R>(mutate: (data: T) => R): Promise<R> {
    this.#mutating = true;
    let result: R;
    try {
      result = mutate(this.tracker.view);
    } finally {
      this.#mutating = false;
    }
    await this.commits.commit();
    return result;
  }
}
