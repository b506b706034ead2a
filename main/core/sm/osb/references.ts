import { isObject } from '../../is-object';
import { findById } from '../../record-index';
import type { OfferingView } from '../catalog/views';
import { freshResource } from '../clock';
import type { InstanceRecord, SmState } from '../model';
import type { OsbRequest } from '../plugins/types';
import { emitSharing } from '../sharing/events';
import { holdersOf } from '../sharing/holders';
import { resolveReferenceTarget } from '../sharing/targets';
import { stringField } from './bodies';
import { offeringPlans, referencedOffering } from './plans';
import { type InstanceRequest, instanceIdUse } from './requests';
import type { RuleCall } from './rules/types';
import type { OsbJob, OsbRuntime } from './runtime';
import { instanceEventView } from './safe-views';
import type { OsbAnswer } from './types';

/** What happens when the original of a shared instance is deprovisioned while references exist. */
export type DeleteWithReferences = 'detach' | 'reject';

/** The shared instance a provision of `offering`'s `reference-instance` plan points to. */
export function referencedInstance(
  { job, state, catalog }: Pick<RuleCall, 'job' | 'state' | 'catalog'>,
  offering: OfferingView,
): InstanceRecord {
  return resolveReferenceTarget(state, offering, offeringPlans(catalog, offering), job.body.parameters);
}

/**
 * PUT of the `reference-instance` plan, once the rules passed: the SM stores the reference and answers 201
 * (200 to an identical re-send); the broker is not called.
 */
export async function provisionReference(
  rt: OsbRuntime,
  job: OsbJob,
  request: InstanceRequest,
): Promise<OsbAnswer> {
  const id = job.route.instanceId!;
  const state = rt.store.state;
  if (instanceIdUse(state, id, job.platform, request) === 'identical') return { status: 200, body: {} };
  const offering = referencedOffering(rt.catalog, job.broker, request.service_plan_id)!;
  const target = referencedInstance({ job, state, catalog: rt.catalog }, offering);
  const { maintenance_info: _none, ...stored } = request;
  const record: InstanceRecord = {
    ...freshResource(id),
    ...stored,
    name: stringField(request.context, 'instance_name') ?? '',
    service_offering_id: offering.id,
    broker_id: job.broker.id,
    platform_id: job.platform.id,
    usable: true,
    shared: false,
    referenced_instance_id: target.id,
    shared_instance: {
      service_plan_id: target.service_plan_id,
      context: target.context,
      name: target.name,
      platform_id: target.platform_id,
    },
  };
  await rt.store.update((draft) => {
    draft.instances.push(record);
  });
  rt.events.emit('sm.instance', { action: 'created', instance: instanceEventView(record) });
  emitSharing(rt.events, rt.store.state, 'reference-created', target.id, record);
  return { status: 201, body: {} };
}

/** Takes a holder's record out of the SM without calling the broker. */
async function dropRecord(
  rt: OsbRuntime,
  instance: InstanceRecord,
  action: 'detached' | 'reference-removed',
) {
  await rt.store.update((draft) => {
    draft.instances = draft.instances.filter((candidate) => candidate.id !== instance.id);
  });
  rt.events.emit('sm.instance', { action: 'deleted', instance: instanceEventView(instance) });
  emitSharing(rt.events, rt.store.state, action, instance.referenced_instance_id ?? instance.id, instance);
  return { status: 200, body: {} };
}

/**
 * Deprovision of a holder of a shared instance (after the rules): undefined when the broker must get the
 * DELETE (not shared, or the last holder), else the answer after only the SM's record went (a reference,
 * or an original detached from its references).
 */
export function deprovisionHolder(rt: OsbRuntime, instance: InstanceRecord): Promise<OsbAnswer> | undefined {
  const sharedId = instance.referenced_instance_id ?? instance.id;
  const others = holdersOf(rt.store.state, sharedId).filter((holder) => holder.id !== instance.id);
  if (others.length === 0) return undefined;
  return dropRecord(rt, instance, instance.referenced_instance_id ? 'reference-removed' : 'detached');
}

const REFERENCE_OPERATIONS = new Set([
  'fetchInstance',
  'lastOperation',
  'deprovision',
  'bind',
  'unbind',
  'fetchBinding',
  'bindingLastOperation',
]);

/**
 * Calls on the caller's own reference go to the broker as calls on the shared instance: its id in the path,
 * its plan in `plan_id`, and in a bind body exactly its context (nothing of the binding platform's merged in:
 * the broker sees the instance it made); the originating identity stays the caller's. Undefined for any other
 * call.
 */
export function sharedTarget(
  state: SmState,
  plans: readonly { id: string; catalog_id: string }[],
  job: OsbJob,
): { path: string; request: OsbRequest } | undefined {
  if (!REFERENCE_OPERATIONS.has(job.route.operation)) return undefined;
  const reference = state.instances.find(
    (instance) => instance.id === job.route.instanceId && instance.platform_id === job.platform.id,
  );
  if (!reference?.referenced_instance_id || !reference.shared_instance) return undefined;
  const sharedId = reference.referenced_instance_id;
  const shared = findById(state.instances, sharedId) ?? reference.shared_instance;
  const planId = plans.find((plan) => plan.id === shared.service_plan_id)?.catalog_id;
  const { request } = job.ctx;
  const query = { ...request.query, ...(request.query.plan_id && planId ? { plan_id: planId } : {}) };
  const body = isObject(request.body)
    ? {
        ...request.body,
        ...(planId ? { plan_id: planId } : {}),
        context: shared.context,
      }
    : request.body;
  const path = job.path.replace(
    /^\/service_instances\/[^/]+/,
    `/service_instances/${encodeURIComponent(sharedId)}`,
  );
  return { path, request: { ...request, query, body } };
}
