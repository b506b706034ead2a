import { nowIso } from '../core/clock';
import { ApiError } from '../core/errors';
import { isObject } from '../core/is-object';
import { platformRefusal, type Refusal, refusalOf } from '../core/platform/hops';
import type { CallResult } from '../core/platform/notes';
import { orphanReason } from '../core/platform/orphans';
import { smNameOf } from '../core/platform/reconcile';
import type { LastOperation } from '../core/platform/state';
import { mitigateOrphan, type OperationTarget } from './async-ops';
import type { Guard, PlatformRuntime } from './runtime';

/** What a platform API action answers. */
export interface ActionResult {
  status: number;
  body: unknown;
}

const toError = ({ status, error, description }: Refusal) => new ApiError(status, error, description);

/** The platform's own refusal: nothing was sent. */
export const refuse = (rt: PlatformRuntime, status: number, error: string, why: string) =>
  toError(platformRefusal(rt.deps.name, status, error, why));

/** A 200/201/202 with a JSON object: an answer the platform can work with. */
export const usable = (
  result: CallResult,
): result is Extract<CallResult, { kind: 'answer' }> & { body: Record<string, unknown> } =>
  result.kind === 'answer' && [200, 201, 202].includes(result.status) && isObject(result.body);

/**
 * The chain refused, or answered what the platform cannot use: the refusal names the hop. After a create,
 * orphan mitigation starts when the answer calls for it (the description says so).
 */
export function chainRefusal(
  rt: PlatformRuntime,
  result: CallResult,
  smBrokerId: string,
  orphan?: OperationTarget,
): ApiError {
  const registered = rt.state.brokers.find((broker) => broker.sm_broker_id === smBrokerId);
  const refusal = refusalOf(result, rt.deps.name, registered ? smNameOf(registered) : smBrokerId);
  const reason = orphan && orphanReason(result);
  if (!orphan || !reason) return toError(refusal);
  void mitigateOrphan(rt, orphan, reason);
  const what = orphan.binding ? 'binding' : 'instance';
  return toError({
    ...refusal,
    description: `${refusal.description.replace(/[^.]$/, '$&.')} The platform started orphan mitigation (${reason}): it deletes the ${what} at the broker until the broker accepts.`,
  });
}

export function ended(
  operation: LastOperation,
  state: 'succeeded' | 'failed',
  description: string,
): LastOperation {
  return { ...operation, state, description, updated_at: nowIso() };
}

/**
 * A record the user may act on now: it exists and no operation of it is in progress. The platform refuses
 * itself (409, as Cloud Foundry's controller does) rather than sending for the SM or the broker to refuse
 * (422): its record holds one operation at a time, and a refused second one would overwrite the running one's.
 */
export function idle<T extends { id: string; name: string; state: string; last_operation: LastOperation }>(
  rt: PlatformRuntime,
  record: T | undefined,
  what: string,
  id: string,
): T {
  if (!record) throw refuse(rt, 404, 'NotFound', `it has no ${what} ${id}.`);
  if (record.state === 'in progress') {
    throw refuse(
      rt,
      409,
      'OperationInProgress',
      `a ${record.last_operation.type} of ${what} "${record.name}" is still in progress; try again when it ends.`,
    );
  }
  return record;
}

/** `idle` again inside the write that starts an operation, so two requests never both start one. */
export const stillIdle =
  (rt: PlatformRuntime, kind: 'instances' | 'bindings', what: string, id: string): Guard =>
  (state) => {
    idle<{ id: string; name: string; state: string; last_operation: LastOperation }>(
      rt,
      state[kind].find((record) => record.id === id),
      what,
      id,
    );
  };
