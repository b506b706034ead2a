import { freshResource, nowIso } from '../clock';
import type { OperationRecord, SmState } from '../model';

export type ResourceKind = 'instance' | 'binding';
export type OperationType = OperationRecord['type'];

export const resourceTypeOf = {
  instance: '/v1/service_instances',
  binding: '/v1/service_bindings',
} as const satisfies Record<ResourceKind, OperationRecord['resource_type']>;

/** The kind of resource an operation is about; undefined for registry operations. */
export const resourceKindOf = (
  operation: Pick<OperationRecord, 'resource_type'>,
): ResourceKind | undefined =>
  operation.resource_type === resourceTypeOf.instance
    ? 'instance'
    : operation.resource_type === resourceTypeOf.binding
      ? 'binding'
      : undefined;

/** Finished operations kept; older ones go first (operations in progress are always kept). */
export const KEEP_FINISHED_OPERATIONS = 1000;

export interface OperationStart {
  kind: ResourceKind;
  type: OperationType;
  resourceId: string;
  platformId: string;
  correlationId: string;
  description: string;
}

/** Adds an operation in progress to `state` (inside a store update) and drops the oldest finished one if needed. */
export function startOperation(state: SmState, start: OperationStart): OperationRecord {
  const operation: OperationRecord = {
    ...freshResource(),
    ready: true,
    type: start.type,
    state: 'in progress',
    resource_id: start.resourceId,
    resource_type: resourceTypeOf[start.kind],
    platform_id: start.platformId,
    correlation_id: start.correlationId,
    description: start.description,
    errors: [],
  };
  state.operations.push(operation);
  const finished = state.operations.filter((candidate) => candidate.state !== 'in progress').length;
  if (finished > KEEP_FINISHED_OPERATIONS) {
    const oldest = state.operations.findIndex((candidate) => candidate.state !== 'in progress');
    state.operations.splice(oldest, 1);
  }
  return operation;
}

export type OperationEnd = { state: 'succeeded' } | { state: 'failed'; error?: string; description: string };

export function finishOperation(operation: OperationRecord, end: OperationEnd): void {
  operation.state = end.state;
  operation.updated_at = nowIso();
  if (end.state === 'failed') {
    operation.errors = [
      end.error ? { error: end.error, description: end.description } : { description: end.description },
    ];
  }
}

/** The operation still in progress on a resource, if any. */
export function activeOperation(
  state: SmState,
  kind: ResourceKind,
  resourceId: string,
): OperationRecord | undefined {
  const type = resourceTypeOf[kind];
  return state.operations.findLast(
    (operation) =>
      operation.state === 'in progress' &&
      operation.resource_id === resourceId &&
      operation.resource_type === type,
  );
}
