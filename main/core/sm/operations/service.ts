import { notFound } from '../../errors';
import type { StateStore } from '../../state';
import type { OperationRecord, SmState } from '../model';
import { type ResourceKind, resourceTypeOf } from './records';

/** `/v1/operations` and `/v1/<resource>/:id/operations/:op`: the record of every instance and binding change. */
export class OperationService {
  constructor(private readonly deps: { store: StateStore<SmState> }) {}

  /** Every kept operation, or only those of one platform. */
  list(platformId?: string): OperationRecord[] {
    const { operations } = this.deps.store.state;
    return platformId === undefined
      ? operations
      : operations.filter((operation) => operation.platform_id === platformId);
  }

  /** One operation of a resource; with `platformId`, only one of that platform's. */
  get(kind: ResourceKind, resourceId: string, operationId: string, platformId?: string): OperationRecord {
    const operation = this.deps.store.state.operations.find(
      (candidate) =>
        candidate.id === operationId &&
        candidate.resource_id === resourceId &&
        candidate.resource_type === resourceTypeOf[kind] &&
        (platformId === undefined || candidate.platform_id === platformId),
    );
    if (!operation) {
      throw notFound(
        `There is no operation ${operationId} of ${resourceTypeOf[kind]}/${resourceId} ` +
          '(finished operations are kept only for a while). List them with GET /v1/operations.',
      );
    }
    return operation;
  }
}
