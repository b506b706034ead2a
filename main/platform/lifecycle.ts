import { nowIso } from '../core/clock';
import { isObject } from '../core/is-object';
import type { Answer, CallResult } from '../core/platform/notes';
import { orphanReasonAfterPolling } from '../core/platform/orphans';
import type {
  LastOperation,
  OperationState,
  PlatformBinding,
  PlatformInstance,
} from '../core/platform/state';
import { type ActionResult, ended } from './actions';
import { mitigateOrphan, type OperationTarget, operationOf, pollUntilDone } from './async-ops';
import type { PlatformRuntime } from './runtime';

type Tracked = PlatformInstance | PlatformBinding;
type Action = 'created' | 'updated' | 'deleted';

/** How instances and bindings differ in the common life cycle of an OSB operation. */
export interface Kind<T extends Tracked> {
  get(rt: PlatformRuntime, id: string): T | undefined;
  save(rt: PlatformRuntime, record: T, action: Action): Promise<T>;
  target(rt: PlatformRuntime, record: T): OperationTarget;
  view(rt: PlatformRuntime, record: T): unknown;
  /** Fields a synchronous success or a 202 stores from the broker's answer (dashboard URL, credentials). */
  fromAnswer(body: Record<string, unknown>, status: number): Partial<T>;
  /** Fields the end of an operation stores besides its state (an update's new plan, a bind's credentials). */
  atEnd(rt: PlatformRuntime, record: T, state: OperationState): Promise<Partial<T>>;
}

const words = { create: 'Create', update: 'Update', delete: 'Delete' } as const;

/** Applies the end of an operation to the platform's record; a finished delete removes it. */
export async function finish<T extends Tracked>(
  rt: PlatformRuntime,
  kind: Kind<T>,
  id: string,
  state: 'succeeded' | 'failed',
  description?: string,
): Promise<void> {
  const record = kind.get(rt, id);
  if (!record) return;
  const { type } = record.last_operation;
  const last_operation = ended(record.last_operation, state, description ?? `${words[type]} ${state}.`);
  const extra = await kind.atEnd(rt, record, state);
  const removed = type === 'delete' && state === 'succeeded';
  const next = { ...record, ...extra, state, last_operation, updated_at: nowIso() };
  await kind.save(rt, next, removed ? 'deleted' : 'updated');
}

/**
 * The chain answered an update, unbind or delete with a refusal (4xx): nothing changed at the broker, so the
 * record keeps the state it had before; its last operation says the operation failed and why (as Cloud
 * Foundry shows "delete failed" on an instance that is still there). Any other failure (a 5xx, no answer)
 * leaves the outcome unknown: the record is failed.
 */
export async function refused<T extends Tracked>(
  rt: PlatformRuntime,
  kind: Kind<T>,
  before: T,
  result: CallResult,
  description: string,
): Promise<void> {
  const refusal = result.kind === 'answer' && result.status >= 400 && result.status < 500;
  if (!refusal) return finish(rt, kind, before.id, 'failed', description);
  const record = kind.get(rt, before.id);
  if (!record) return;
  const last_operation = ended(record.last_operation, 'failed', description);
  const extra = await kind.atEnd(rt, record, 'failed');
  await kind.save(
    rt,
    { ...record, ...extra, state: before.state, last_operation, updated_at: nowIso() },
    'updated',
  );
}

/**
 * Polls an accepted operation to its end; a failed create is then mitigated as a possible orphan. The polls
 * join the flow `flowId` of the call that began the operation (none after a restart: that flow is gone).
 */
export function follow<T extends Tracked>(
  rt: PlatformRuntime,
  kind: Kind<T>,
  id: string,
  startedAtMs: number,
  planMaxSeconds?: number,
  flowId?: string,
): Promise<void> {
  return rt.background('polling', async () => {
    const record = kind.get(rt, id)!;
    const { type, operation } = record.last_operation;
    const target = { ...kind.target(rt, record), flowId };
    const end = await pollUntilDone(rt, target, { type, operation, startedAtMs, planMaxSeconds });
    await finish(rt, kind, id, end.state, end.description);
    if (type === 'create' && end.state === 'failed')
      void mitigateOrphan(
        rt,
        target,
        orphanReasonAfterPolling(end.expired ? 'expired' : 'failed'),
        operation,
      );
  });
}

/**
 * The broker accepted (200/201, 202, or 410 to a delete): a synchronous answer ends the operation, a 202 is
 * polled (awaited with `wait`). The API answers 201 for a finished create, 202 while in progress, else 200.
 */
export async function accepted<T extends Tracked>(
  rt: PlatformRuntime,
  kind: Kind<T>,
  id: string,
  answer: Answer,
  options: { startedAtMs: number; wait: boolean; planMaxSeconds?: number; flowId: string },
): Promise<ActionResult> {
  const before = kind.get(rt, id)!;
  const operation = operationOf(answer.body);
  const last_operation: LastOperation = operation
    ? { ...before.last_operation, operation }
    : before.last_operation;
  const fields = isObject(answer.body) ? kind.fromAnswer(answer.body, answer.status) : {};
  await kind.save(rt, { ...before, ...fields, last_operation }, 'updated');
  if (answer.status !== 202) await finish(rt, kind, id, 'succeeded');
  else {
    const polling = follow(rt, kind, id, options.startedAtMs, options.planMaxSeconds, options.flowId);
    if (options.wait) await polling;
  }
  const after = kind.get(rt, id);
  const shown = after ?? {
    ...before,
    state: 'succeeded',
    last_operation: ended(last_operation, 'succeeded', 'Delete succeeded.'),
  };
  const status = after?.state === 'in progress' ? 202 : before.last_operation.type === 'create' ? 201 : 200;
  return { status, body: kind.view(rt, shown as T) };
}
