import { isDeepStrictEqual } from 'node:util';
import { ApiError, conflict } from '../../errors';
import { findById } from '../../record-index';
import type { BindingRecord, InstanceRecord, OperationRecord, PlatformRecord, SmState } from '../model';
import { activeOperation, type ResourceKind } from '../operations/records';

const nouns: Record<ResourceKind, string> = { instance: 'service instance', binding: 'service binding' };

/**
 * One change at a time per resource: a second one while an operation is in progress is refused with 422
 * (unless `allowed` says the running one may be superseded).
 */
export function refuseActiveOperation(
  state: SmState,
  kind: ResourceKind,
  id: string,
  allowed?: (running: OperationRecord) => boolean,
): void {
  const operation = activeOperation(state, kind, id);
  if (!operation || allowed?.(operation)) return;
  throw new ApiError(
    422,
    'ConcurrentOperationInProgress',
    `A ${operation.type} operation (${operation.id}) on ${nouns[kind]} ${id} is still in progress. ` +
      'Poll last_operation until it ends, then try again.',
  );
}

/** Seed 002: no deprovision while bindings exist (they would be orphaned at the broker). */
export function refuseBoundInstance(state: SmState, instance: InstanceRecord): void {
  const bindings = state.bindings.filter((binding) => binding.service_instance_id === instance.id);
  if (bindings.length === 0) return;
  const named = bindings
    .slice(0, 10)
    .map((binding) => (binding.name ? `${binding.name} (${binding.id})` : binding.id));
  throw new ApiError(
    412,
    'PreconditionFailed',
    `Service instance ${instance.name || instance.id} still has ${bindings.length} binding(s): ${named.join(', ')}` +
      `${bindings.length > named.length ? ', ...' : ''}. Unbind them first.`,
  );
}

/** What a provision stores, to tell an identical re-sent PUT from a conflicting one. */
export type InstanceRequest = Pick<
  InstanceRecord,
  'service_plan_id' | 'context' | 'parameters' | 'maintenance_info'
>;
export type BindingRequest = Pick<
  BindingRecord,
  'service_instance_id' | 'context' | 'parameters' | 'bind_resource'
>;

/**
 * Ids are unique in the SM, across brokers and platforms: 'free', or 'identical' when the same platform
 * re-sends an identical request (forwarded: the broker answers 200 or the running 202); anything else is 409.
 */
export type IdUse = 'free' | 'identical';

export function instanceIdUse(
  state: SmState,
  id: string,
  platform: Pick<PlatformRecord, 'id'>,
  request: InstanceRequest,
): IdUse {
  const existing = findById(state.instances, id);
  if (!existing) return 'free';
  const identical =
    existing.platform_id === platform.id &&
    isDeepStrictEqual(
      [existing.service_plan_id, existing.context, existing.parameters, existing.maintenance_info],
      [request.service_plan_id, request.context, request.parameters, request.maintenance_info],
    );
  if (identical) return 'identical';
  throw conflict(`The service instance id ${id} is already used. Choose another id.`);
}

export function bindingIdUse(
  state: SmState,
  id: string,
  platform: Pick<PlatformRecord, 'id'>,
  request: BindingRequest,
): IdUse {
  const existing = findById(state.bindings, id);
  if (!existing) return 'free';
  const identical =
    existing.platform_id === platform.id &&
    isDeepStrictEqual(
      [existing.service_instance_id, existing.context, existing.parameters, existing.bind_resource],
      [request.service_instance_id, request.context, request.parameters, request.bind_resource],
    );
  if (identical) return 'identical';
  throw conflict(`The service binding id ${id} is already used. Choose another id.`);
}
