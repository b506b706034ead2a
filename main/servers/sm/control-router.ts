import { Router } from 'express';
import { z } from 'zod';
import type { ServiceManager } from '../../core/sm/service-manager';
import { parseInput } from '../../core/validate';
import { sharingControlRouter } from './sharing-router';

const refreshRequest = z.object({ broker_id: z.string().min(1).optional() }).strict();

/** Mounted on the control server at `/api`, for the UI: the catalog refresh history, manual refreshes, sharing. */
export function smControlRouter(sm: ServiceManager): Router {
  const router = Router();
  router.use(sharingControlRouter(sm));
  router.get('/catalog-refreshes', (_req, res) => {
    res.json({ items: [...sm.catalog.history()].reverse(), next_scheduled_at: sm.nextScheduledRefresh() });
  });
  router.post('/catalog-refreshes', async (req, res) => {
    const { broker_id } = parseInput(refreshRequest, req.body ?? {}, 'The refresh request');
    if (broker_id) {
      await sm.catalog.forced(sm.brokers.record(broker_id), 'manual');
      res.status(201).json({
        items: sm.catalog
          .history()
          .filter((record) => record.broker_id === broker_id)
          .slice(-1),
      });
      return;
    }
    res.status(201).json({ items: await sm.refreshAll('manual') });
  });
  return router;
}
