import { parseInput } from '../../validate';
import { freshResource } from '../clock';
import type { InstanceRecord } from '../model';
import { provisionBodySchema, stringField, updateBodySchema } from './bodies';
import { type InstanceRequest, instanceIdUse, refuseActiveOperation, refuseBoundInstance } from './checks';
import { requireInstanceForPlatform, resolveInstanceForPlatform } from './ownership';
import { findPlan, requirePlanAccess } from './plans';
import {
  deprovisionHolder,
  provisionReference,
  referencedOffering,
  refuseReferenceUpdate,
} from './references';
import type { OsbJob, OsbRuntime } from './runtime';
import type { OsbAnswer } from './types';

const dashboardOf = (body: unknown) => {
  const dashboard_url = stringField(body, 'dashboard_url');
  return dashboard_url === undefined ? {} : { dashboard_url };
};

/** PUT /v2/service_instances/:id: a visible plan, a free id; stored not ready until the broker agrees. */
export async function provision(rt: OsbRuntime, job: OsbJob): Promise<OsbAnswer> {
  const id = job.route.instanceId!;
  const body = parseInput(provisionBodySchema, job.ctx.request.body, 'The provision request');
  if (referencedOffering(rt, job, body.plan_id)) return provisionReference(rt, job, body);
  const state = rt.store.state;
  const plan = findPlan(rt.catalog, job.broker, body.plan_id, body.service_id);
  requirePlanAccess(plan, job.platform, state.visibilities, body.context);
  const request: InstanceRequest = {
    service_plan_id: plan.id,
    context: body.context ?? {},
    parameters: body.parameters ?? {},
    maintenance_info: body.maintenance_info,
  };
  if (instanceIdUse(state, id, job.platform, request) === 'identical') return (await rt.forward(job)).answer;
  const name = stringField(request.context, 'instance_name') ?? '';
  const record: InstanceRecord = {
    ...freshResource(id),
    ...request,
    ready: false,
    name,
    service_offering_id: plan.service_offering_id,
    broker_id: job.broker.id,
    platform_id: job.platform.id,
    usable: false,
    shared: false,
  };
  if (record.maintenance_info === undefined) delete record.maintenance_info;
  return rt.change(job, {
    kind: 'instance',
    type: 'create',
    resourceId: id,
    description: `Provision of instance ${name || id} (plan ${plan.catalog_name}) at broker "${job.broker.name}"`,
    begin: (draft) => {
      draft.instances.push(record);
      return { instance: { action: 'created', record } };
    },
    changes: dashboardOf,
  });
}

/** PATCH /v2/service_instances/:id: the caller's instance, no operation running, a visible new plan. */
export async function update(rt: OsbRuntime, job: OsbJob): Promise<OsbAnswer> {
  const id = job.route.instanceId!;
  const body = parseInput(updateBodySchema, job.ctx.request.body, 'The update request');
  const state = rt.store.state;
  const instance = requireInstanceForPlatform(state, id, job.platform);
  refuseReferenceUpdate(instance);
  refuseActiveOperation(state, 'instance', id);
  const changes: Partial<InstanceRecord> = {};
  if (body.plan_id !== undefined) {
    const plan = findPlan(rt.catalog, job.broker, body.plan_id, body.service_id);
    if (plan.id !== instance.service_plan_id) {
      requirePlanAccess(plan, job.platform, state.visibilities, body.context ?? instance.context);
      changes.service_plan_id = plan.id;
    }
  }
  if (body.context) changes.context = body.context;
  if (body.parameters) changes.parameters = body.parameters;
  if (body.maintenance_info) changes.maintenance_info = body.maintenance_info;
  return rt.change(job, {
    kind: 'instance',
    type: 'update',
    resourceId: id,
    description: `Update of instance ${instance.name || id} at broker "${job.broker.name}"`,
    begin: () => ({}),
    changes: (answer) => ({ ...changes, ...dashboardOf(answer) }),
  });
}

/**
 * DELETE /v2/service_instances/:id: refused while bindings exist (412) or a call of ours waits on the broker
 * (422). An id the SM does not know, or an instance whose operation nobody waits on any more, is still
 * forwarded: that is how a platform cleans up an orphan after a failed or abandoned provision.
 * A holder of a shared instance with other holders only leaves the SM; the last one sends the real DELETE.
 */
export async function deprovision(rt: OsbRuntime, job: OsbJob): Promise<OsbAnswer> {
  const id = job.route.instanceId!;
  const state = rt.store.state;
  const instance = resolveInstanceForPlatform(state, id, job.platform);
  if (instance) refuseBoundInstance(state, instance);
  rt.refuseDeleteWhileBusy('instance', id);
  const holder = instance && deprovisionHolder(rt, instance, rt.onDeleteWithReferences);
  if (holder) return holder;
  return rt.change(job, {
    kind: 'instance',
    type: 'delete',
    resourceId: id,
    description: `Deprovision of instance ${instance?.name || id} at broker "${job.broker.name}"`,
    begin: () => ({}),
  });
}
