import { isDeepStrictEqual } from 'node:util';
import { findById } from '../../record-index';
import type { BindingRecord, InstanceRecord, PlatformRecord, SmState } from '../model';
import { planOf, referencedOffering } from './plans';
import type { RuleCall } from './rules/types';

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
 * Ids are unique in the SM, across brokers and platforms: 'free'; 'identical' when the same platform re-sends
 * an identical request (forwarded: the broker answers 200 or the running 202); anything else is 'taken'.
 */
export type IdUse = 'free' | 'identical' | 'taken';

type Caller = Pick<PlatformRecord, 'id'>;

function idUse(
  existing: { platform_id: string } | undefined,
  platform: Caller,
  stored: unknown[],
  requested: unknown[],
): IdUse {
  if (!existing) return 'free';
  return existing.platform_id === platform.id && isDeepStrictEqual(stored, requested) ? 'identical' : 'taken';
}

export function instanceIdUse(state: SmState, id: string, platform: Caller, request: InstanceRequest): IdUse {
  const existing = findById(state.instances, id);
  return idUse(
    existing,
    platform,
    [existing?.service_plan_id, existing?.context, existing?.parameters, existing?.maintenance_info],
    [request.service_plan_id, request.context, request.parameters, request.maintenance_info],
  );
}

export function bindingIdUse(state: SmState, id: string, platform: Caller, request: BindingRequest): IdUse {
  const existing = findById(state.bindings, id);
  return idUse(
    existing,
    platform,
    [existing?.service_instance_id, existing?.context, existing?.parameters, existing?.bind_resource],
    [request.service_instance_id, request.context, request.parameters, request.bind_resource],
  );
}

/**
 * What a provision asks to store, once the plan rules passed: a `reference-instance` plan is stored under
 * its own catalog id (the broker never sees it), any other plan under its SM id.
 */
export function instanceRequest({ catalog, job }: Pick<RuleCall, 'catalog' | 'job'>): InstanceRequest {
  const { body, broker } = job;
  const planId = body.plan_id!;
  const reference = referencedOffering(catalog, broker, planId);
  return {
    service_plan_id: reference ? planId : planOf(catalog, broker, planId)!.id,
    context: body.context ?? {},
    parameters: body.parameters ?? {},
    maintenance_info: reference ? undefined : body.maintenance_info,
  };
}

/** What a bind asks to store. */
export function bindingRequest({ body, route }: RuleCall['job']): BindingRequest {
  return {
    service_instance_id: route.instanceId!,
    context: body.context ?? {},
    parameters: body.parameters ?? {},
    bind_resource: body.bind_resource,
  };
}
