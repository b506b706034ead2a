import type { BrokerContext, CallOptions, OsbReply } from './context';
import { planOfRecord } from './lookups';
import { newOperation } from './operations';
import { asyncRequired, concurrencyError, gone } from './osb-errors';
import type { DeleteQuery } from './requests';
import { forgetBinding, settle, viewBinding } from './views';

/** DELETE /v2/service_instances/:id/service_bindings/:bid */
export function unbind(
  ctx: BrokerContext,
  instanceId: string,
  id: string,
  _query: DeleteQuery,
  options: CallOptions,
) {
  return ctx.store.update((state): OsbReply => {
    const now = ctx.now();
    const view = viewBinding(state, id, now);
    if (!view || view.status === 'gone' || view.record.instanceId !== instanceId) return gone();
    const { record, status } = view;
    if (status === 'unbinding') return { status: 202, body: { operation: record.operation!.id } };
    if (status === 'binding') throw concurrencyError(`service binding ${id}`);
    const ref = planOfRecord(record);
    if (status !== 'failed' && ref.behaviour.async) {
      if (!options.acceptsIncomplete) throw asyncRequired();
      settle(state, now, ctx.indexes);
      const failure = ctx.faults.failureFor('unbind', ref.plan.id);
      const operation = newOperation({ kind: 'unbind', now, delayMs: ctx.asyncDelayMs, failure });
      state.bindings[id]!.operation = operation;
      ctx.indexes.noteOperation('bindings', id);
      return { status: 202, body: { operation: operation.id } };
    }
    settle(state, now, ctx.indexes);
    forgetBinding(state, id, ctx.indexes);
    return { status: 200, body: {} };
  });
}
