import { isObject } from '../core/is-object';
import { type CallResult, note } from '../core/platform/notes';
import { ORPHAN_MAX_ATTEMPTS, orphanRetryDelayMs, orphanStep } from '../core/platform/orphans';
import { judgePoll, nextPollDelayMs, pollingDeadline, retryAfterNotes } from '../core/platform/polling';
import { deprovisionRequest, pollRequest, unbindRequest } from '../core/platform/requests';
import type { OperationType, PlatformBinding, PlatformInstance } from '../core/platform/state';
import { ORPHAN_MITIGATION_STEP, POLLING_STOPPED_NOTE, pollStep } from '../traffic/outcome';
import type { CallOutcome, OperationStep } from './clients/osb-client';
import type { PlatformRuntime } from './runtime';

/** The resource an asynchronous operation runs on. */
export interface OperationTarget {
  smBrokerId: string;
  instance: Pick<PlatformInstance, 'id' | 'service_id' | 'plan_id'>;
  binding?: Pick<PlatformBinding, 'id'>;
  /** The flow of the call that began the operation: its polls and orphan mitigation are captured in it. */
  flowId?: string;
}

/** This call's part in the operation `target` follows, when its flow is known. */
const stepOf = (target: OperationTarget, step: string): OperationStep | undefined =>
  target.flowId ? { flowId: target.flowId, step } : undefined;

export interface PollEnd {
  state: 'succeeded' | 'failed';
  description?: string;
  /** Polling stopped at the deadline. */
  expired: boolean;
}

export interface PollStart {
  type: OperationType;
  /** The broker's `operation` from its 202. */
  operation?: string;
  /** The 202's `Retry-After`: the wait before the first poll. */
  retryAfter?: string;
  startedAtMs: number;
  /** The plan's `maximum_polling_duration`, if it has one. */
  planMaxSeconds?: number;
  /** The step these polls belong to (the orphan mitigation), named before `poll n`. */
  of?: string;
}

export const operationOf = (body: unknown): string | undefined =>
  isObject(body) && typeof body.operation === 'string' ? body.operation : undefined;

/**
 * Polls `last_operation` until a terminal state, honouring `Retry-After` (capped), and gives up at the plan's
 * `maximum_polling_duration` or the platform's limit: then the operation counts as failed.
 */
export async function pollUntilDone(
  rt: PlatformRuntime,
  target: OperationTarget,
  start: PollStart,
): Promise<PollEnd> {
  const { policy } = rt.deps;
  const deadline = pollingDeadline(start.startedAtMs, policy, start.planMaxSeconds);
  let wait = nextPollDelayMs(policy, start.retryAfter, Date.now());
  let last: CallOutcome | undefined;
  for (let n = 1; ; n++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      const seconds = Number(((deadline - start.startedAtMs) / 1000).toFixed(1));
      const description = `The platform stopped polling after ${seconds} s (the plan's maximum_polling_duration or the platform's limit); the operation counts as failed.`;
      if (last) rt.note(last, [note('error', POLLING_STOPPED_NOTE, description)]);
      return { state: 'failed', expired: true, description };
    }
    await rt.sleep(Math.min(wait, remaining));
    const outcome = await rt.call(
      target.smBrokerId,
      pollRequest(target.instance, target.binding, start.operation),
      undefined,
      stepOf(target, pollStep(n, start.of)),
    );
    last = outcome;
    const now = Date.now();
    const verdict = judgePoll(start.type, outcome.result);
    rt.note(outcome, [...verdict.notes, ...retryAfterNotes(outcome.result, now)]);
    if (verdict.state !== 'in progress') {
      return {
        state: verdict.state,
        expired: false,
        ...(verdict.description ? { description: verdict.description } : {}),
      };
    }
    const retryAfter = outcome.result.kind === 'answer' ? outcome.result.headers['retry-after'] : undefined;
    wait = nextPollDelayMs(policy, retryAfter, now);
  }
}

/** Whether a DELETE's answer means the resource is gone: 200 or 410, or a 202 polled to success. */
async function deleteAccepted(
  rt: PlatformRuntime,
  target: OperationTarget,
  result: CallResult,
  startedAtMs: number,
) {
  const step = orphanStep(result);
  if (step !== 'poll' || result.kind !== 'answer') return step === 'done';
  const operation = operationOf(result.body);
  const retryAfter = result.headers['retry-after'];
  const of = ORPHAN_MITIGATION_STEP;
  const end = await pollUntilDone(rt, target, { type: 'delete', operation, retryAfter, startedAtMs, of });
  return end.state === 'succeeded';
}

/**
 * Orphan mitigation: DELETE the instance or binding until the broker accepts (200, 410, or 202 polled to
 * success), with bounded retries and backoff. A refusal because an operation still runs (422) gets one poll
 * of that operation first, so the SM and the broker can settle it.
 */
export function mitigateOrphan(
  rt: PlatformRuntime,
  target: OperationTarget,
  reason: string,
  operation?: string,
): Promise<void> {
  const { name, events } = rt.deps;
  const resource = target.binding ? { binding: target.binding.id } : { instance: target.instance.id };
  const emit = (state: string, attempts: number): void => {
    events.emit('platform.orphan-mitigation', { platform: name, ...resource, reason, state, attempts });
  };
  const request = target.binding
    ? unbindRequest(target.instance, target.binding, false)
    : deprovisionRequest(target.instance, false);
  return rt.background('orphan mitigation', async () => {
    emit('started', 0);
    for (let attempt = 1; attempt <= ORPHAN_MAX_ATTEMPTS; attempt++) {
      const startedAtMs = Date.now();
      const step = attempt === 1 ? ORPHAN_MITIGATION_STEP : `${ORPHAN_MITIGATION_STEP} ${attempt}`;
      const check = target.binding ? 'unbind' : 'deprovision';
      const { result } = await rt.call(target.smBrokerId, request, check, stepOf(target, step));
      const done = await deleteAccepted(rt, target, result, startedAtMs);
      if (done) return emit('succeeded', attempt);
      if (result.kind === 'answer' && result.status === 422) {
        const poll = pollRequest(target.instance, target.binding, operation);
        await rt.call(target.smBrokerId, poll, undefined, stepOf(target, `${step} poll`));
      }
      await rt.sleep(orphanRetryDelayMs(attempt));
    }
    emit('gave up', ORPHAN_MAX_ATTEMPTS);
  });
}
