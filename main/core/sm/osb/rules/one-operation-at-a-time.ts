import { ApiError } from '../../../errors';
import type { OperationRecord, SmState } from '../../model';
import { activeOperation, type ResourceKind } from '../../operations/records';
import type { OsbRule } from './types';

const nouns: Record<ResourceKind, string> = { instance: 'service instance', binding: 'service binding' };

/**
 * The 422 of a change asked while an operation on the resource is in progress (unless `allowed` says the
 * running one may be superseded).
 */
export function refuseActiveOperation(
  state: SmState,
  kind: ResourceKind,
  id: string,
  allowed?: (running: OperationRecord) => boolean,
): void {
  const operation = activeOperation(state, kind, id);
  if (!operation || allowed?.(operation)) return;
  throw new ApiError(
    422,
    'ConcurrentOperationInProgress',
    `A ${operation.type} operation (${operation.id}) on ${nouns[kind]} ${id} is still in progress. ` +
      'Poll last_operation until it ends, then try again.',
  );
}

/**
 * One change at a time per instance: an update, or a bind on it, while an operation on the instance is in
 * progress is refused with 422 ConcurrentOperationInProgress.
 */
export const oneOperationAtATime: OsbRule = {
  name: 'one-operation-at-a-time',
  operations: ['update', 'bind'],
  check({ job, state }) {
    refuseActiveOperation(state, 'instance', job.route.instanceId!);
  },
};
