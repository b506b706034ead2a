import { nowIso } from '../../clock';
import { freshResource } from '../clock';
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
/** Operations past the kept ones before the oldest finished go, all at once: a start need not count them. */
const TRIM_SLACK = 100;

export interface OperationStart {
  kind: ResourceKind;
  type: OperationType;
  resourceId: string;
  platformId: string;
  correlationId: string;
  description: string;
}

/** Adds an operation in progress to `state` (inside a store update) and drops the oldest finished ones if needed. */
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
  if (state.operations.length > KEEP_FINISHED_OPERATIONS + TRIM_SLACK) dropOldestFinished(state.operations);
  return operation;
}

/**
 * Counts the few running operations, not the many finished ones: the store writes again every record a filter
 * hands out.
 */
function dropOldestFinished(operations: OperationRecord[]): void {
  const running = operations.filter((operation) => operation.state === 'in progress').length;
  for (let excess = operations.length - running - KEEP_FINISHED_OPERATIONS; excess > 0; excess--)
    operations.splice(
      operations.findIndex((operation) => operation.state !== 'in progress'),
      1,
    );
}

/** The operation with `id`; searched from the newest, which is the one most callers look for. */
export const operationById = (state: SmState, id: string): OperationRecord | undefined =>
  state.operations.findLast((operation) => operation.id === id);

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
