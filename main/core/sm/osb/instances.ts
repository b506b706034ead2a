import { findById } from '../../record-index';
import { freshResource } from '../clock';
import type { InstanceRecord } from '../model';
import { stringField } from './bodies';
import { planOf, referencedOffering } from './plans';
import { deprovisionHolder, provisionReference } from './references';
import { instanceIdUse, instanceRequest } from './requests';
import type { OsbJob, OsbRuntime } from './runtime';
import type { OsbAnswer } from './types';

const dashboardOf = (body: unknown) => {
  const dashboard_url = stringField(body, 'dashboard_url');
  return dashboard_url === undefined ? {} : { dashboard_url };
};

/** PUT /v2/service_instances/:id, after the rules: stored not ready until the broker agrees. */
export async function provision(rt: OsbRuntime, job: OsbJob): Promise<OsbAnswer> {
  const id = job.route.instanceId!;
  const planId = job.body.plan_id!;
  const request = instanceRequest({ catalog: rt.catalog, job });
  if (referencedOffering(rt.catalog, job.broker, planId)) return provisionReference(rt, job, request);
  if (instanceIdUse(rt.store.state, id, job.platform, request) === 'identical')
    return (await rt.forward(job)).answer;
  const plan = planOf(rt.catalog, job.broker, planId)!;
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

/** PATCH /v2/service_instances/:id, after the rules: the new plan, context, parameters and maintenance_info. */
export async function update(rt: OsbRuntime, job: OsbJob): Promise<OsbAnswer> {
  const id = job.route.instanceId!;
  const { body } = job;
  const instance = findById(rt.store.state.instances, id)!;
  const changes: Partial<InstanceRecord> = {};
  const plan = body.plan_id === undefined ? undefined : planOf(rt.catalog, job.broker, body.plan_id)!;
  if (plan && plan.id !== instance.service_plan_id) changes.service_plan_id = plan.id;
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
 * DELETE /v2/service_instances/:id, after the rules. An id the SM does not know, or an instance whose
 * operation nobody waits on any more, is still forwarded: that is how a platform cleans up an orphan after a
 * failed or abandoned provision. A holder of a shared instance with other holders only leaves the SM; the
 * last one sends the real DELETE.
 */
export async function deprovision(rt: OsbRuntime, job: OsbJob): Promise<OsbAnswer> {
  const id = job.route.instanceId!;
  const instance = findById(rt.store.state.instances, id);
  const holder = instance && deprovisionHolder(rt, instance);
  if (holder) return holder;
  return rt.change(job, {
    kind: 'instance',
    type: 'delete',
    resourceId: id,
    description: `Deprovision of instance ${instance?.name || id} at broker "${job.broker.name}"`,
    begin: () => ({}),
  });
}
