import { randomUUID } from 'node:crypto';
import type { Operation, OperationKind, PendingUpdate } from './state';

export type OperationState = 'in progress' | 'succeeded' | 'failed';

export interface NewOperation {
  kind: OperationKind;
  now: number;
  delayMs: number;
  failure?: string | undefined;
  pendingUpdate?: PendingUpdate;
}

export function newOperation({ kind, now, delayMs, failure, pendingUpdate }: NewOperation): Operation {
  return {
    id: `${kind}-${randomUUID()}`,
    kind,
    startedAt: new Date(now).toISOString(),
    completesAt: new Date(now + delayMs).toISOString(),
    outcome: failure === undefined ? 'succeeded' : 'failed',
    ...(failure === undefined ? {} : { failure }),
    ...(pendingUpdate ? { pendingUpdate } : {}),
  };
}

export const isDone = (operation: Operation, now: number) => now >= Date.parse(operation.completesAt);

export function operationState(operation: Operation, now: number): OperationState {
  return isDone(operation, now) ? operation.outcome : 'in progress';
}

const verbs: Record<OperationKind, [running: string, done: string]> = {
  provision: ['Provisioning', 'Provisioned'],
  update: ['Updating', 'Updated'],
  deprovision: ['Deprovisioning', 'Deprovisioned'],
  bind: ['Binding', 'Bound'],
  unbind: ['Unbinding', 'Unbound'],
};

/** The `description` of a last_operation answer. */
export function describeOperation(operation: Operation, now: number): string {
  const [running, done] = verbs[operation.kind];
  switch (operationState(operation, now)) {
    case 'in progress': {
      const left = Math.max(0, Date.parse(operation.completesAt) - now);
      return `${running}; about ${Math.ceil(left / 1000)} s left.`;
    }
    case 'succeeded':
      return `${done}.`;
    case 'failed':
      return operation.failure ?? `${running} failed.`;
  }
}
