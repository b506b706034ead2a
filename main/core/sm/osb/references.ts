import { ApiError, badRequest, notFound } from '../../errors';
import { isObject } from '../../is-object';
import { findById } from '../../record-index';
import { freshResource } from '../clock';
import type { InstanceRecord, SmState } from '../model';
import type { OsbRequest } from '../plugins/types';
import { emitSharing } from '../sharing/events';
import { describeHolders, holdersOf, referencesTo } from '../sharing/holders';
import { isShareable, referencePlanId } from '../sharing/plans';
import { resolveReferenceTarget } from '../sharing/targets';
import { stringField } from './bodies';
import { type InstanceRequest, instanceIdUse } from './checks';
import type { OsbJob, OsbRuntime } from './runtime';
import { instanceEventView } from './safe-views';
import type { OsbAnswer } from './types';
import { planAccess } from './visibility';

/** What happens when the original of a shared instance is deprovisioned while references exist. */
export type DeleteWithReferences = 'detach' | 'reject';

/** The offering whose `reference-instance` plan has this catalog id, if any. */
export function referencedOffering(rt: OsbRuntime, job: OsbJob, planId: string) {
  return rt.catalog
    .offerings()
    .find(
      (offering) =>
        offering.broker_id === job.broker.id &&
        referencePlanId(job.broker.id, offering.catalog_id) === planId,
    );
}

/** PUT of the `reference-instance` plan: the SM stores the reference and answers 201; the broker is not called. */
export async function provisionReference(
  rt: OsbRuntime,
  job: OsbJob,
  body: {
    plan_id: string;
    service_id: string;
    context?: Record<string, unknown>;
    parameters?: Record<string, unknown>;
  },
): Promise<OsbAnswer> {
  const id = job.route.instanceId!;
  const offering = referencedOffering(rt, job, body.plan_id)!;
  if (offering.catalog_id !== body.service_id)
    throw badRequest(
      `Plan ${body.plan_id} belongs to service ${offering.catalog_id}, not to service ${body.service_id}.`,
    );
  const plans = rt.catalog.plans().filter((plan) => plan.service_offering_id === offering.id);
  if (!plans.some(isShareable)) throw notFound(`Offering "${offering.catalog_name}" has no shareable plan.`);
  const state = rt.store.state;
  if (!plans.some((plan) => planAccess(plan, job.platform, state.visibilities)))
    throw notFound(`Offering "${offering.catalog_name}" is not visible to platform "${job.platform.name}".`);
  const target = resolveReferenceTarget(state, offering, plans, body.parameters);
  const request: InstanceRequest = {
    service_plan_id: body.plan_id,
    context: body.context ?? {},
    parameters: body.parameters ?? {},
    maintenance_info: undefined,
  };
  if (instanceIdUse(state, id, job.platform, request) === 'identical') return { status: 200, body: {} };
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
    shared_instance: { service_plan_id: target.service_plan_id, context: target.context },
  };
  await rt.store.update((draft) => {
    instanceIdUse(draft, id, job.platform, request);
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
 * Deprovision of a holder of a shared instance (bindings and operations already checked): undefined when
 * the broker must get the DELETE (not shared, or the last holder), else the answer after only the SM's
 * record went (a reference, or a detached original), or a 400 under `reject`.
 */
export function deprovisionHolder(
  rt: OsbRuntime,
  instance: InstanceRecord,
  onDeleteWithReferences: DeleteWithReferences,
): Promise<OsbAnswer> | undefined {
  const state = rt.store.state;
  const sharedId = instance.referenced_instance_id ?? instance.id;
  const others = holdersOf(state, sharedId).filter((holder) => holder.id !== instance.id);
  if (others.length === 0) return undefined;
  if (instance.referenced_instance_id) return dropRecord(rt, instance, 'reference-removed');
  if (onDeleteWithReferences === 'reject') {
    const references = referencesTo(state, instance.id);
    throw badRequest(
      `Service instance ${instance.name || instance.id} is shared and still referenced by ${describeHolders(state, references)}. ` +
        'Deprovision the references first.',
    );
  }
  return dropRecord(rt, instance, 'detached');
}

/** Update of a reference: refused, a reference has nothing to change at the broker. */
export function refuseReferenceUpdate(instance: InstanceRecord): void {
  if (instance.referenced_instance_id)
    throw new ApiError(
      400,
      'BadRequest',
      `Service instance ${instance.name || instance.id} is a reference to ${instance.referenced_instance_id}; it cannot be updated.`,
    );
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
 * its plan in `plan_id`, its context (over the binding's) in a bind body. Undefined for any other call.
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
        context: { ...(isObject(request.body.context) ? request.body.context : {}), ...shared.context },
      }
    : request.body;
  const path = job.path.replace(
    /^\/service_instances\/[^/]+/,
    `/service_instances/${encodeURIComponent(sharedId)}`,
  );
  return { path, request: { ...request, query, body } };
}
