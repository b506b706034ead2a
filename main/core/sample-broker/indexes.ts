import type { BindingRecord, SampleBrokerState } from './state';

/**
 * What the sample broker keeps in memory beside its state, so that a call visits the records it concerns instead
 * of every record the broker holds: the ids of the records that carry an operation (for settling), and the ids of
 * each instance's bindings. Built from the state at start; the state stays the truth (an id is checked against the
 * record it names), so a record these miss after a store write that failed and was undone still reads right.
 */
export class BrokerIndexes {
  readonly operations = { instances: new Set<string>(), bindings: new Set<string>() };
  readonly #bindingsOf = new Map<string, Set<string>>();

  constructor(state: SampleBrokerState) {
    for (const [id, record] of Object.entries(state.instances))
      if (record.operation) this.operations.instances.add(id);
    for (const [id, record] of Object.entries(state.bindings)) {
      if (record.operation) this.operations.bindings.add(id);
      this.bound(record.instanceId, id);
    }
  }

  noteOperation(kind: 'instances' | 'bindings', id: string): void {
    this.operations[kind].add(id);
  }

  bound(instanceId: string, bindingId: string): void {
    const ids = this.#bindingsOf.get(instanceId) ?? new Set<string>();
    ids.add(bindingId);
    this.#bindingsOf.set(instanceId, ids);
  }

  unbound(instanceId: string, bindingId: string): void {
    const ids = this.#bindingsOf.get(instanceId);
    ids?.delete(bindingId);
    if (ids?.size === 0) this.#bindingsOf.delete(instanceId);
  }

  /** The bindings `state` holds for `instanceId`, each read by its key. */
  bindingsOf(state: SampleBrokerState, instanceId: string): BindingRecord[] {
    return [...(this.#bindingsOf.get(instanceId) ?? [])].flatMap((id) => {
      const binding = state.bindings[id];
      return binding?.instanceId === instanceId ? [binding] : [];
    });
  }
}
