import { Router } from 'express';
import { z } from 'zod';
import { notFound } from '../core/errors';
import { parseInput } from '../core/validate';
import { writeHar } from './har-export';
import { importHar } from './har-import';
import type { TrafficStore } from './store';
import { MAX_LIST_LIMIT } from './store-types';
import { osbOperations } from './types';

const filterSchema = z.object({
  platform: z.string().min(1).optional(),
  broker: z.string().min(1).optional(),
  operation: z.enum(osbOperations).optional(),
  status: z
    .string()
    .regex(/^([1-5]\d\d|[1-5]xx|error)$/i, 'use a code (201), a class (4xx) or "error"')
    .optional(),
  instance: z.string().min(1).optional(),
  text: z.string().min(1).max(200).optional(),
});

const listSchema = filterSchema.extend({
  limit: z.coerce.number().int().min(1).max(MAX_LIST_LIMIT).optional(),
  before: z.coerce.number().positive().optional(),
});

function harFileName(): string {
  return `smsim-traffic-${new Date().toISOString().replace(/[:.]/g, '-')}.har`;
}

/**
 * Mounted on the control server at `/api`: the flows (list, one flow with its hops, clear), the HAR
 * export and import, and pausing the capture.
 */
export function trafficRouter(traffic: TrafficStore, { version }: { version: string }): Router {
  const router = Router();
  router.get('/flows', (req, res) => {
    res.json(traffic.list(parseInput(listSchema, req.query, 'The flow query')));
  });
  router.get('/flows/:id', (req, res) => {
    const flow = traffic.get(req.params.id);
    if (!flow) throw notFound(`There is no flow ${req.params.id} (it may have been evicted or cleared).`);
    res.json(flow);
  });
  router.delete('/flows', (_req, res) => {
    traffic.clear();
    res.status(204).end();
  });

  router.get('/traffic.har', async (req, res) => {
    const filter = parseInput(filterSchema, req.query, 'The HAR export query');
    res.attachment(harFileName());
    res.type('application/json');
    await writeHar(res, traffic.exchanges(filter), version);
  });
  router.post('/traffic/import', (req, res) => {
    const exchanges = importHar(traffic, req.body);
    const flowIds = new Set(exchanges.map((exchange) => exchange.flowId));
    const flows = [...flowIds].flatMap((id) => traffic.summary(id) ?? []);
    res.status(201).json({ imported: exchanges.length, flows });
  });

  router.get('/traffic/state', (_req, res) => {
    res.json(traffic.state());
  });
  router.post('/traffic/pause', (_req, res) => {
    traffic.pause();
    res.json(traffic.state());
  });
  router.post('/traffic/resume', (_req, res) => {
    traffic.resume();
    res.json(traffic.state());
  });
  return router;
}
