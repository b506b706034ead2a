import type { SampleBrokerState } from './state';

/**
 * The ids of the records that carry an operation, so settling before each call visits those instead of every
 * record the broker holds. Kept in memory and built from the state at start; the views stay the truth, so a record
 * this misses (a store write that failed and was undone) reads right and is settled the next time it is noted.
 */
export class Settling {
  readonly instances = new Set<string>();
  readonly bindings = new Set<string>();

  constructor(state: SampleBrokerState) {
    for (const [id, record] of Object.entries(state.instances)) if (record.operation) this.instances.add(id);
    for (const [id, record] of Object.entries(state.bindings)) if (record.operation) this.bindings.add(id);
  }

  note(kind: 'instances' | 'bindings', id: string): void {
    this[kind].add(id);
  }
}
