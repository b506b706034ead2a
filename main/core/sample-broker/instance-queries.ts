import { badRequest, notFound } from '../errors';
import type { BrokerContext, OsbReply } from './context';
import { lastOperationReply } from './last-operation';
import { planOfRecord } from './lookups';
import { gone } from './osb-errors';
import { viewInstance, wasDeleted } from './views';

/** GET /v2/service_instances/:id */
export function fetchInstance(ctx: BrokerContext, id: string): OsbReply {
  const view = viewInstance(ctx.store.state, id, ctx.now());
  if (!view || view.status === 'gone' || view.status === 'failed') {
    throw notFound(`There is no service instance ${id}.`);
  }
  if (view.status === 'provisioning') throw notFound(`Service instance ${id} is still being provisioned.`);
  const { record } = view;
  const { service } = planOfRecord(record);
  if (!service.instances_retrievable) {
    throw badRequest(`Instances of ${service.name} are not retrievable (instances_retrievable is false).`);
  }
  return {
    status: 200,
    body: {
      service_id: record.serviceId,
      plan_id: record.planId,
      dashboard_url: record.dashboardUrl,
      parameters: record.parameters,
      ...(record.maintenanceVersion ? { maintenance_info: { version: record.maintenanceVersion } } : {}),
    },
  };
}

/** GET /v2/service_instances/:id/last_operation: 410 once an asynchronous delete is done. */
export function instanceLastOperation(
  ctx: BrokerContext,
  id: string,
  operation: string | undefined,
): OsbReply {
  const state = ctx.store.state;
  const view = viewInstance(state, id, ctx.now());
  if (!view) {
    if (wasDeleted(state, 'instances', id)) return gone();
    throw notFound(`There is no service instance ${id}.`);
  }
  if (view.status === 'gone') return gone();
  return lastOperationReply(view.record.operation, operation, ctx.now(), `service instance ${id}`);
}
