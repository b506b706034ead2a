import type { BrokerIndexes } from './indexes';
import { isDone } from './operations';
import type { BindingRecord, InstanceRecord, PendingUpdate, SampleBrokerState } from './state';

/** Ids of deleted resources kept for `last_operation` (410 instead of 404). */
const GONE_KEPT = 500;

export type InstanceStatus = 'provisioning' | 'updating' | 'deprovisioning' | 'ready' | 'failed' | 'gone';
export type BindingStatus = 'binding' | 'unbinding' | 'ready' | 'failed' | 'gone';

export interface InstanceView {
  /** The record as it is now, a completed update applied. */
  record: InstanceRecord;
  status: InstanceStatus;
}

export interface BindingView {
  record: BindingRecord;
  status: BindingStatus;
}

const running = { provision: 'provisioning', update: 'updating', deprovision: 'deprovisioning' } as const;

export function applyUpdate(record: InstanceRecord, update: PendingUpdate, at: string): InstanceRecord {
  return {
    ...record,
    planId: update.planId,
    parameters: update.parameters,
    context: update.context,
    maintenanceVersion: update.maintenanceVersion,
    updatedAt: at,
  };
}

/** What an instance is at `now`; pure, so reads never write. */
export function viewInstance(state: SampleBrokerState, id: string, now: number): InstanceView | undefined {
  const record = state.instances[id];
  if (!record) return undefined;
  const operation = record.operation;
  if (!operation || operation.kind === 'bind' || operation.kind === 'unbind')
    return { record, status: 'ready' };
  if (!isDone(operation, now)) return { record, status: running[operation.kind] };
  if (operation.outcome === 'failed')
    return { record, status: operation.kind === 'provision' ? 'failed' : 'ready' };
  if (operation.kind === 'deprovision') return { record, status: 'gone' };
  if (operation.pendingUpdate) {
    return { record: applyUpdate(record, operation.pendingUpdate, operation.completesAt), status: 'ready' };
  }
  return { record, status: 'ready' };
}

export function viewBinding(state: SampleBrokerState, id: string, now: number): BindingView | undefined {
  const record = state.bindings[id];
  if (!record) return undefined;
  const instance = viewInstance(state, record.instanceId, now);
  if (!instance || instance.status === 'gone') return { record, status: 'gone' };
  const operation = record.operation;
  if (!operation) return { record, status: 'ready' };
  if (!isDone(operation, now)) return { record, status: operation.kind === 'bind' ? 'binding' : 'unbinding' };
  if (operation.outcome === 'failed')
    return { record, status: operation.kind === 'bind' ? 'failed' : 'ready' };
  return { record, status: operation.kind === 'unbind' ? 'gone' : 'ready' };
}

export const isInProgress = (status: InstanceStatus | BindingStatus) =>
  status === 'provisioning' ||
  status === 'updating' ||
  status === 'deprovisioning' ||
  status === 'binding' ||
  status === 'unbinding';

function remember(list: string[], id: string): void {
  const at = list.indexOf(id);
  if (at >= 0) list.splice(at, 1);
  list.push(id);
  if (list.length > GONE_KEPT) list.splice(0, list.length - GONE_KEPT);
}

export function wasDeleted(state: SampleBrokerState, kind: 'instances' | 'bindings', id: string): boolean {
  return state.gone[kind].includes(id);
}

export function reviveId(state: SampleBrokerState, kind: 'instances' | 'bindings', id: string): void {
  const at = state.gone[kind].indexOf(id);
  if (at >= 0) state.gone[kind].splice(at, 1);
}

export function forgetBinding(state: SampleBrokerState, id: string, indexes: BrokerIndexes): void {
  const binding = state.bindings[id];
  if (binding) indexes.unbound(binding.instanceId, id);
  delete state.bindings[id];
  remember(state.gone.bindings, id);
}

/** Removes an instance and its bindings. */
export function forgetInstance(state: SampleBrokerState, id: string, indexes: BrokerIndexes): void {
  for (const binding of indexes.bindingsOf(state, id)) forgetBinding(state, binding.id, indexes);
  delete state.instances[id];
  remember(state.gone.instances, id);
}

/**
 * Writes down what completed operations did (applied updates, finished deletes); run before a mutation. Visits the
 * records carrying an operation and lets go of those with nothing left to settle.
 */
export function settle(state: SampleBrokerState, now: number, indexes: BrokerIndexes): void {
  const settling = indexes.operations;
  for (const id of settling.instances) {
    const view = viewInstance(state, id, now);
    const operation = view?.record.operation;
    if (!view || view.status === 'gone') {
      if (view) forgetInstance(state, id, indexes);
      settling.instances.delete(id);
    } else if (!operation || isDone(operation, now)) {
      if (operation?.pendingUpdate) {
        const { pendingUpdate: _applied, ...rest } = operation;
        state.instances[id] = { ...view.record, operation: rest };
      }
      settling.instances.delete(id);
    }
  }
  for (const id of settling.bindings) {
    const view = viewBinding(state, id, now);
    if (view?.status === 'gone') forgetBinding(state, id, indexes);
    if (!view || view.status === 'gone' || !view.record.operation || isDone(view.record.operation, now))
      settling.bindings.delete(id);
  }
}
