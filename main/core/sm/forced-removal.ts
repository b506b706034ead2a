import { notFound } from '../errors';
import type { EventBus } from '../events';
import { findById } from '../record-index';
import type { StateStore } from '../state';
import type { BindingRecord, InstanceRecord, OperationRecord, SmState } from './model';
import { finishOperation, resourceTypeOf } from './operations/records';
import { bindingEventView, instanceEventView } from './osb/safe-views';
import { emitSharing } from './sharing/events';
import { referencesTo } from './sharing/holders';

/** What a forced removal took out of the SM, for the events. */
export interface Dropped {
  instances: InstanceRecord[];
  bindings: BindingRecord[];
  /** The operations in progress it ended. */
  operations: OperationRecord[];
}

/**
 * Takes instances and their bindings out of the SM without calling the broker (inside a store update), like
 * the Peripli SM's forced cascade delete: the broker keeps whatever it has. Their running operations end
 * failed with `why`; a broker call still running for one of them changes nothing when it returns.
 */
export function dropInstances(state: SmState, instanceIds: ReadonlySet<string>, why: string): Dropped {
  const instances = state.instances.filter((instance) => instanceIds.has(instance.id));
  const bindings = state.bindings.filter((binding) => instanceIds.has(binding.service_instance_id));
  const bindingIds = new Set(bindings.map((binding) => binding.id));
  const operations = state.operations.filter(
    (operation) =>
      operation.state === 'in progress' &&
      ((operation.resource_type === resourceTypeOf.instance && instanceIds.has(operation.resource_id)) ||
        (operation.resource_type === resourceTypeOf.binding && bindingIds.has(operation.resource_id))),
  );
  for (const operation of operations)
    finishOperation(operation, { state: 'failed', error: 'ForcedRemoval', description: why });
  state.instances = state.instances.filter((instance) => !instanceIds.has(instance.id));
  state.bindings = state.bindings.filter((binding) => !bindingIds.has(binding.id));
  return { instances, bindings, operations };
}

/** The events of a forced removal: operations, bindings, instances, and the sharing steps it made. */
export function emitDropped(events: EventBus, state: SmState, dropped: Dropped): void {
  for (const operation of dropped.operations)
    events.emit('sm.operation', { operation: structuredClone(operation) });
  for (const binding of dropped.bindings)
    events.emit('sm.binding', { action: 'deleted', binding: bindingEventView(binding) });
  for (const instance of dropped.instances) {
    events.emit('sm.instance', { action: 'deleted', instance: instanceEventView(instance) });
    if (instance.referenced_instance_id)
      emitSharing(events, state, 'reference-removed', instance.referenced_instance_id, instance);
    else if (referencesTo(state, instance.id).length > 0)
      emitSharing(events, state, 'detached', instance.id, instance);
  }
}

/** `DELETE /v1/service_instances/:id?force=true` (admin): the SM forgets an instance it cannot remove otherwise. */
export async function forceRemoveInstance(
  deps: { store: StateStore<SmState>; events: EventBus },
  id: string,
): Promise<void> {
  const why =
    `Service instance ${id} was removed from the Service Manager with ?force=true; the broker was not ` +
    'called and may still hold it.';
  const dropped = await deps.store.update((state) => {
    if (!findById(state.instances, id))
      throw notFound(`There is no service instance with id ${id}. List them with GET /v1/service_instances.`);
    return dropInstances(state, new Set([id]), why);
  });
  emitDropped(deps.events, deps.store.state, dropped);
}
