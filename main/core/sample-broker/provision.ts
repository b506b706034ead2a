import { isDeepStrictEqual } from 'node:util';
import { conflict } from '../errors';
import type { BrokerContext, CallOptions, OsbReply } from './context';
import { requirePlan } from './lookups';
import { checkMaintenanceInfo } from './maintenance';
import { newOperation } from './operations';
import { asyncRequired, concurrencyError } from './osb-errors';
import { validateParameters } from './parameters';
import type { ProvisionBody } from './requests';
import type { InstanceRecord } from './state';
import { reviveId, settle, viewInstance } from './views';

export interface ProvisionOptions extends CallOptions {
  /** Where the broker's dashboard pages are, e.g. `http://127.0.0.1:4820/dashboard`. */
  dashboardBase: string;
}

const sameRequest = (record: InstanceRecord, body: ProvisionBody) =>
  record.serviceId === body.service_id &&
  record.planId === body.plan_id &&
  isDeepStrictEqual(record.parameters, body.parameters ?? {});

/** PUT /v2/service_instances/:id */
export function provision(ctx: BrokerContext, id: string, body: ProvisionBody, options: ProvisionOptions) {
  const ref = requirePlan(body.service_id, body.plan_id);
  if (ref.behaviour.async && !options.acceptsIncomplete) throw asyncRequired();
  const maintenanceVersion = checkMaintenanceInfo(ref.plan, body.maintenance_info);
  const parameters = body.parameters ?? {};
  validateParameters(ref.plan, 'instanceCreate', parameters);

  return ctx.store.update((state): OsbReply => {
    const now = ctx.now();
    const existing = viewInstance(state, id, now);
    if (existing && existing.status !== 'gone' && existing.status !== 'failed') {
      const { record, status } = existing;
      if (!sameRequest(record, body)) {
        throw conflict(`Service instance ${id} exists with other attributes; use another id or update it.`);
      }
      if (status === 'deprovisioning') throw concurrencyError(`service instance ${id}`);
      if (status === 'provisioning') {
        return { status: 202, body: { dashboard_url: record.dashboardUrl, operation: record.operation!.id } };
      }
      return { status: 200, body: { dashboard_url: record.dashboardUrl } };
    }

    settle(state, now, ctx.indexes);
    const at = new Date(now).toISOString();
    const operation = ref.behaviour.async
      ? newOperation({
          kind: 'provision',
          now,
          delayMs: ctx.asyncDelayMs,
          failure: ctx.faults.failureFor('provision', ref.plan.id),
        })
      : null;
    const record: InstanceRecord = {
      id,
      serviceId: ref.service.id,
      planId: ref.plan.id,
      parameters,
      context: body.context ?? {},
      maintenanceVersion,
      dashboardUrl: `${options.dashboardBase}/${encodeURIComponent(id)}`,
      createdAt: at,
      updatedAt: at,
      operation,
    };
    state.instances[id] = record;
    if (operation) ctx.indexes.noteOperation('instances', id);
    reviveId(state, 'instances', id);
    if (operation)
      return { status: 202, body: { dashboard_url: record.dashboardUrl, operation: operation.id } };
    return { status: 201, body: { dashboard_url: record.dashboardUrl } };
  });
}
