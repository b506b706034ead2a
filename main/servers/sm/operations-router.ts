import { type RequestHandler, Router } from 'express';
import type { PlatformRecord } from '../../core/sm/model';
import type { OperationService, ResourceKind } from '../../core/sm/operations';
import { queryableFields } from './fields';
import { sendList } from './list';

export interface OperationsRouterOptions {
  operations: OperationService;
  /** Admin or platform auth; a platform (`res.locals.platform`) sees only its own operations. */
  read: RequestHandler;
}

/**
 * Mounted at `/v1`: `GET /operations` (listing, paging, fieldQuery / labelQuery) and
 * `GET /service_instances/:id/operations/:op`, `GET /service_bindings/:id/operations/:op`.
 */
export function createOperationsRouter({ operations, read }: OperationsRouterOptions): Router {
  const router = Router();
  const platformOf = (locals: Record<string, unknown>) => (locals.platform as PlatformRecord | undefined)?.id;

  router.get('/operations', read, (req, res) => {
    sendList(req, res, operations.list(platformOf(res.locals)), queryableFields.operations);
  });
  const single =
    (kind: ResourceKind): RequestHandler =>
    (req, res) => {
      res.json(
        operations.get(kind, req.params.id as string, req.params.op as string, platformOf(res.locals)),
      );
    };
  router.get('/service_instances/:id/operations/:op', read, single('instance'));
  router.get('/service_bindings/:id/operations/:op', read, single('binding'));
  return router;
}
