import { badRequest, notFound } from '../errors';
import { bindingBody } from './bind';
import type { BrokerContext, OsbReply } from './context';
import { lastOperationReply } from './last-operation';
import { planOfRecord } from './lookups';
import { gone } from './osb-errors';
import { viewBinding, wasDeleted } from './views';

/** GET /v2/service_instances/:id/service_bindings/:bid */
export function fetchBinding(ctx: BrokerContext, instanceId: string, id: string): OsbReply {
  const view = viewBinding(ctx.store.state, id, ctx.now());
  if (!view || view.record.instanceId !== instanceId || view.status === 'gone' || view.status === 'failed') {
    throw notFound(`There is no service binding ${id} of instance ${instanceId}.`);
  }
  if (view.status === 'binding') throw notFound(`Service binding ${id} is still being created.`);
  const { service } = planOfRecord(view.record);
  if (!service.bindings_retrievable) {
    throw badRequest(`Bindings of ${service.name} are not retrievable (bindings_retrievable is false).`);
  }
  return { status: 200, body: { ...bindingBody(view.record), parameters: view.record.parameters } };
}

/** GET /v2/service_instances/:id/service_bindings/:bid/last_operation */
export function bindingLastOperation(
  ctx: BrokerContext,
  instanceId: string,
  id: string,
  operation: string | undefined,
): OsbReply {
  const state = ctx.store.state;
  const view = viewBinding(state, id, ctx.now());
  if (!view || view.record.instanceId !== instanceId) {
    if (!view && wasDeleted(state, 'bindings', id)) return gone();
    throw notFound(`There is no service binding ${id} of instance ${instanceId}.`);
  }
  if (view.status === 'gone') return gone();
  return lastOperationReply(view.record.operation, operation, ctx.now(), `service binding ${id}`);
}
