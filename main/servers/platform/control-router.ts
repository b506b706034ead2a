import { type Request, Router } from 'express';
import { z } from 'zod';
import { notFound } from '../../core/errors';
import { parseInput } from '../../core/validate';
import type { RunningPlatform } from './server';

const disconnectRequest = z.object({ offlineMs: z.number().int().min(0).max(600_000).optional() }).strict();

/**
 * `/api/platforms` on the control server, for the UI: the platforms with their proxy and notification
 * state, drills (drop the notifications connection, resync), and each platform's API under `/:name`.
 */
export function platformsControlRouter(platforms: readonly RunningPlatform[]): Router {
  const router = Router();
  const find = (req: Request) => {
    const platform = platforms.find((candidate) => candidate.name === req.params.name);
    if (!platform) throw notFound(`There is no platform ${req.params.name}. GET /api/platforms lists them.`);
    return platform;
  };
  const summary = (platform: RunningPlatform) => {
    const { sm, proxyCredentials } = platform.runtime.state;
    return {
      name: platform.name,
      type: platform.type,
      id: sm?.id ?? null,
      url: platform.url,
      proxyCredentials,
      ...platform.status(),
    };
  };

  router.get('/', (_req, res) => {
    res.json({ items: platforms.map(summary) });
  });
  router.get('/:name', (req, res) => {
    res.json(summary(find(req)));
  });
  router.post('/:name/notifications/disconnect', (req, res) => {
    const { offlineMs } = parseInput(disconnectRequest, req.body ?? {}, 'The disconnect request');
    const platform = find(req);
    platform.reconciler.disconnect(offlineMs);
    res.status(202).json(summary(platform));
  });
  router.post('/:name/resync', async (req, res) => {
    const platform = find(req);
    await platform.reconciler.resync();
    res.json(summary(platform));
  });
  router.use('/:name', (req, res, next) => find(req).api(req, res, next));
  return router;
}
