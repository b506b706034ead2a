import { type Request, type RequestHandler, Router } from 'express';
import type { Labels } from '../../core/sm/model';
import { sendList } from './list';

type Item = { id: string; created_at: string; labels?: Labels };

export interface ResourceHandlers {
  list(req: Request): Item[] | Promise<Item[]>;
  get(id: string, req: Request): Item | Promise<Item>;
  create?(body: unknown, req: Request): Promise<Item>;
  update?(id: string, body: unknown, req: Request): Promise<Item>;
  delete?(id: string, req: Request): Promise<void>;
}

export interface ResourceAuth {
  read: RequestHandler;
  write: RequestHandler;
}

/** The verbs of one `/v1/<resource>` collection, with listing, paging and queries. */
export function resourceRouter(
  handlers: ResourceHandlers,
  auth: ResourceAuth,
  queryableFields: readonly string[],
): Router {
  const router = Router();
  router.get('/', auth.read, async (req, res) => {
    sendList(req, res, await handlers.list(req), queryableFields);
  });
  router.get('/:id', auth.read, async (req, res) => {
    res.json(await handlers.get(req.params.id as string, req));
  });
  const { create, update } = handlers;
  const remove = handlers.delete;
  if (create) {
    router.post('/', auth.write, async (req, res) => {
      const created = await create(req.body, req);
      res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
    });
  }
  if (update) {
    router.patch('/:id', auth.write, async (req, res) => {
      res.json(await update(req.params.id as string, req.body ?? {}, req));
    });
  }
  if (remove) {
    router.delete('/:id', auth.write, async (req, res) => {
      await remove(req.params.id as string, req);
      res.json({});
    });
  }
  return router;
}
