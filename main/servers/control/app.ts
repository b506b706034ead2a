import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import type { EventBus } from '../../core/events';
import type { Logger } from '../../logging';
import { jsonErrorHandler, jsonNotFound } from '../http/errors';
import type { Endpoints } from './endpoints';
import { eventsStream } from './events-stream';

export interface ControlAppOptions {
  endpoints: () => Endpoints;
  events: EventBus;
  log: Logger;
  /** The built UI (`out/renderer`); when missing, `/` says how to build it. */
  uiDir: string;
  /** Routers of the other subsystems, mounted at `/api/<key>` (the key '' mounts at `/api`). */
  routers: Record<string, Router>;
}

export function createControlApp(options: ControlAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/api/endpoints', (_req, res) => {
    res.json(options.endpoints());
  });
  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok', lastEventId: options.events.lastId });
  });
  app.get('/api/events', eventsStream(options.events));
  for (const [path, router] of Object.entries(options.routers))
    app.use(path ? `/api/${path}` : '/api', router);
  app.use('/api', jsonNotFound);

  const index = join(options.uiDir, 'index.html');
  app.use(express.static(options.uiDir, { index: false }));
  app.get('/{*path}', (_req, res) => {
    if (existsSync(index)) return res.sendFile(index);
    res
      .status(503)
      .type('text/plain')
      .send(
        'The smsim UI is not built yet. Run `npm run build` (or `npm start`, which builds it), then reload.',
      );
  });
  app.use(jsonErrorHandler(options.log));
  return app;
}
