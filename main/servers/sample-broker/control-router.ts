import express from 'express';
import { notFound } from '../../core/errors';
import {
  type FaultRegistry,
  faultInputSchema,
  parseInput,
  type RequestLog,
  sampleCatalog,
} from '../../core/sample-broker';

export interface ControlRouterOptions {
  faults: FaultRegistry;
  requests: RequestLog;
}

/** `/api/sample-broker` on the control server: the catalog, the faults in force, the broker's request log. */
export function createControlRouter({ faults, requests }: ControlRouterOptions): express.Router {
  const router = express.Router();
  router.get('/catalog', (_req, res) => {
    res.json(sampleCatalog);
  });

  router.get('/faults', (_req, res) => {
    res.json(faults.list());
  });
  router.post('/faults', (req, res) => {
    res.status(201).json(faults.add(parseInput(faultInputSchema, req.body, 'fault')));
  });
  router.delete('/faults', (_req, res) => {
    faults.clear();
    res.status(204).end();
  });
  router.delete('/faults/:id', (req, res) => {
    if (!faults.remove(req.params.id))
      throw notFound(`There is no fault ${req.params.id}; GET /faults lists them.`);
    res.status(204).end();
  });

  router.get('/requests', (req, res) => {
    const limit = Number(req.query.limit);
    res.json(requests.recent(Number.isInteger(limit) && limit > 0 ? limit : undefined));
  });
  router.delete('/requests', (_req, res) => {
    requests.clear();
    res.status(204).end();
  });
  return router;
}
