import { ApiError, badRequest, notFound } from '../errors';
import { findPlan, isPlanUpdateable } from './catalog';
import type { BrokerContext, CallOptions, OsbReply } from './context';
import { planOfRecord } from './lookups';
import { checkMaintenanceInfo } from './maintenance';
import { newOperation } from './operations';
import { asyncRequired, concurrencyError } from './osb-errors';
import { validateParameters } from './parameters';
import type { UpdateBody } from './requests';
import type { InstanceRecord, PendingUpdate } from './state';
import { applyUpdate, isInProgress, settle, viewInstance } from './views';

const planChangeRefused = (from: string) =>
  new ApiError(
    422,
    'PlanChangeNotSupported',
    `The plan ${from} cannot be changed (plan_updateable is false); provision a new instance instead.`,
    { instance_usable: true, update_repeatable: false },
  );

/** The values the instance will have after the update; omitted plan_id / parameters / context leave them. */
function targetOf(record: InstanceRecord, body: UpdateBody, options: CallOptions): PendingUpdate {
  if (body.service_id !== record.serviceId) {
    throw badRequest(`service_id ${body.service_id} is not the service of instance ${record.id}.`);
  }
  const current = planOfRecord(record);
  const planId = body.plan_id ?? record.planId;
  const target = findPlan(record.serviceId, planId);
  if (!target) throw badRequest(`plan_id ${planId} is not a plan of the service ${current.service.name}.`);
  if (planId !== record.planId && !isPlanUpdateable(current)) throw planChangeRefused(current.plan.name);
  if (target.behaviour.async && !options.acceptsIncomplete) throw asyncRequired();
  const planChanged = planId !== record.planId;
  const maintenanceVersion =
    body.maintenance_info || planChanged
      ? checkMaintenanceInfo(target.plan, body.maintenance_info)
      : record.maintenanceVersion;
  if (body.parameters) validateParameters(target.plan, 'instanceUpdate', body.parameters);
  return {
    planId,
    parameters: { ...record.parameters, ...body.parameters },
    context: body.context ?? record.context,
    maintenanceVersion,
  };
}

/** PATCH /v2/service_instances/:id */
export function update(ctx: BrokerContext, id: string, body: UpdateBody, options: CallOptions) {
  return ctx.store.update((state): OsbReply => {
    const now = ctx.now();
    const view = viewInstance(state, id, now);
    if (!view || view.status === 'gone') throw notFound(`There is no service instance ${id}.`);
    if (view.status === 'failed') {
      throw notFound(`Service instance ${id} failed to provision; deprovision it and provision again.`);
    }
    if (isInProgress(view.status)) {
      throw concurrencyError(`service instance ${id}`, { instance_usable: true, update_repeatable: true });
    }
    const target = targetOf(view.record, body, options);
    const async = planOfRecord({ serviceId: view.record.serviceId, planId: target.planId }).behaviour.async;

    settle(state, now, ctx.indexes);
    const record = state.instances[id]!;
    if (!async) {
      state.instances[id] = applyUpdate(record, target, new Date(now).toISOString());
      return { status: 200, body: {} };
    }
    const failure = ctx.faults.failureFor('update', target.planId);
    const operation = newOperation({
      kind: 'update',
      now,
      delayMs: ctx.asyncDelayMs,
      failure,
      pendingUpdate: target,
    });
    record.operation = operation;
    ctx.indexes.noteOperation('instances', id);
    return { status: 202, body: { operation: operation.id } };
  });
}
