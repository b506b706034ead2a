import type { BrokerContext, CallOptions, OsbReply } from './context';
import { planOfRecord } from './lookups';
import { newOperation } from './operations';
import { asyncRequired, concurrencyError, gone } from './osb-errors';
import type { DeleteQuery } from './requests';
import type { SampleBrokerState } from './state';
import { forgetInstance, isInProgress, settle, viewBinding, viewInstance } from './views';

function bindingsBusy(
  ctx: BrokerContext,
  state: SampleBrokerState,
  instanceId: string,
  now: number,
): boolean {
  return ctx.indexes.bindingsOf(state, instanceId).some((binding) => {
    const view = viewBinding(state, binding.id, now);
    return !!view && isInProgress(view.status);
  });
}

/** DELETE /v2/service_instances/:id (service_id and plan_id are required but not compared). */
export function deprovision(ctx: BrokerContext, id: string, _query: DeleteQuery, options: CallOptions) {
  return ctx.store.update((state): OsbReply => {
    const now = ctx.now();
    const view = viewInstance(state, id, now);
    if (!view || view.status === 'gone') return gone();
    const { record, status } = view;
    if (status === 'deprovisioning') return { status: 202, body: { operation: record.operation!.id } };
    if (status === 'provisioning' || status === 'updating' || bindingsBusy(ctx, state, id, now)) {
      throw concurrencyError(`service instance ${id}`, { instance_usable: true });
    }
    const ref = planOfRecord(record);
    // A failed provision left nothing to remove, so even an async plan can answer at once.
    if (status !== 'failed' && ref.behaviour.async) {
      if (!options.acceptsIncomplete) throw asyncRequired();
      settle(state, now, ctx.indexes);
      const failure = ctx.faults.failureFor('deprovision', ref.plan.id);
      const operation = newOperation({ kind: 'deprovision', now, delayMs: ctx.asyncDelayMs, failure });
      state.instances[id]!.operation = operation;
      ctx.indexes.noteOperation('instances', id);
      return { status: 202, body: { operation: operation.id } };
    }
    settle(state, now, ctx.indexes);
    forgetInstance(state, id, ctx.indexes);
    return { status: 200, body: {} };
  });
}
