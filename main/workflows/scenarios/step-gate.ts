/**
 * Holds a scenario run before each step until the user asks for the next one (step-by-step mode); when not
 * stepping, or after `continue()`, every step goes at once.
 */
export class StepGate {
  #release: (() => void) | undefined;

  #stepping: boolean;

  constructor(stepping: boolean) {
    this.#stepping = stepping;
  }

  /** Whether each step waits for `next()` (until `continue()`). */
  get stepping(): boolean {
    return this.#stepping;
  }

  /** Whether a step waits for `next()` now. */
  get waiting(): boolean {
    return this.#release !== undefined;
  }

  /** Resolves when the next step may run; rejects with the signal's reason when it aborts first. */
  wait(signal?: AbortSignal): Promise<void> {
    if (!this.#stepping) return Promise.resolve();
    signal?.throwIfAborted();
    return new Promise((resolve, reject) => {
      const abort = () => {
        this.#release = undefined;
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.#release = () => {
        signal?.removeEventListener('abort', abort);
        this.#release = undefined;
        resolve();
      };
    });
  }

  /** Lets the waiting step run; false when none waits. */
  next(): boolean {
    const release = this.#release;
    release?.();
    return release !== undefined;
  }

  /** Lets the waiting step and every later one run without a pause; false when none waits. */
  continue(): boolean {
    this.#stepping = false;
    return this.next();
  }
}
