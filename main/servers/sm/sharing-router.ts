import { Router } from 'express';
import type { ServiceManager } from '../../core/sm/service-manager';
import { sharingView } from '../../core/sm/sharing/events';

/**
 * Mounted on the control server at `/api`, for the UI: `GET /sharing` (every shared instance with its
 * holders and their platforms) and `POST /sharing/:instanceId/share|unshare` (as the admin).
 */
export function sharingControlRouter(sm: ServiceManager): Router {
  const router = Router();
  router.get('/sharing', (_req, res) => {
    res.json({ items: sharingView(sm.store.state) });
  });
  for (const [verb, shared] of [
    ['share', true],
    ['unshare', false],
  ] as const) {
    router.post(`/sharing/:instanceId/${verb}`, async (req, res) => {
      const { previous: _previous, ...instance } = await sm.sharing.setShared(req.params.instanceId, {
        shared,
      });
      res.json(instance);
    });
  }
  return router;
}
