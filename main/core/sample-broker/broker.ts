import type { StateStore } from '../state';
import { bind } from './bind';
import { bindingLastOperation, fetchBinding } from './binding-queries';
import { sampleCatalog } from './catalog';
import type { BrokerContext, CallOptions } from './context';
import { deprovision } from './deprovision';
import type { FaultRegistry } from './faults';
import { BrokerIndexes } from './indexes';
import { fetchInstance, instanceLastOperation } from './instance-queries';
import { type ProvisionOptions, provision } from './provision';
import type { BindBody, DeleteQuery, ProvisionBody, UpdateBody } from './requests';
import type { SampleBrokerState } from './state';
import { unbind } from './unbind';
import { update } from './update';

export interface SampleBrokerCoreOptions {
  store: StateStore<SampleBrokerState>;
  faults: FaultRegistry;
  asyncDelayMs: number;
  now?: () => number;
}

/** The sample broker's OSB behaviour, free of HTTP: each method returns the status and body to send. */
export class SampleBrokerCore {
  readonly #ctx: BrokerContext;

  constructor(options: SampleBrokerCoreOptions) {
    this.#ctx = {
      store: options.store,
      faults: options.faults,
      asyncDelayMs: options.asyncDelayMs,
      now: options.now ?? Date.now,
      indexes: new BrokerIndexes(options.store.state),
    };
  }

  catalog() {
    return { status: 200, body: { ...sampleCatalog } };
  }

  provision(id: string, body: ProvisionBody, options: ProvisionOptions) {
    return provision(this.#ctx, id, body, options);
  }

  update(id: string, body: UpdateBody, options: CallOptions) {
    return update(this.#ctx, id, body, options);
  }

  deprovision(id: string, query: DeleteQuery, options: CallOptions) {
    return deprovision(this.#ctx, id, query, options);
  }

  fetchInstance(id: string) {
    return fetchInstance(this.#ctx, id);
  }

  instanceLastOperation(id: string, operation?: string) {
    return instanceLastOperation(this.#ctx, id, operation);
  }

  bind(instanceId: string, id: string, body: BindBody, options: CallOptions) {
    return bind(this.#ctx, instanceId, id, body, options);
  }

  unbind(instanceId: string, id: string, query: DeleteQuery, options: CallOptions) {
    return unbind(this.#ctx, instanceId, id, query, options);
  }

  fetchBinding(instanceId: string, id: string) {
    return fetchBinding(this.#ctx, instanceId, id);
  }

  bindingLastOperation(instanceId: string, id: string, operation?: string) {
    return bindingLastOperation(this.#ctx, instanceId, id, operation);
  }

  /** The plan a stored instance or binding is on (for plan-scoped faults on requests that name none). */
  planOf(instanceId: string | undefined, bindingId?: string): string | undefined {
    const state = this.#ctx.store.state;
    if (bindingId) return state.bindings[bindingId]?.planId;
    return instanceId ? state.instances[instanceId]?.planId : undefined;
  }
}
