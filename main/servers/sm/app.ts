import express, { type Router } from 'express';
import type { ServiceManager } from '../../core/sm/service-manager';
import type { Logger } from '../../logging';
import type { BasicCredentials } from '../http/basic-auth';
import { jsonErrorHandler, jsonNotFound } from '../http/errors';
import { requireAdmin, requireAdminOrPlatform } from './auth';
import { catalogRouters } from './catalog-routes';
import { instanceRouters } from './instance-routes';
import { registryRouters } from './registry-routes';

export interface SmAppOptions {
  sm: ServiceManager;
  admin: BasicCredentials;
  log: Logger;
  version: string;
  /** Routers of the OSB route and the operations API, mounted at `/v1/osb` and `/v1`. */
  osbRouter?: Router;
  operationsRouter?: Router;
}

/** The Service Manager's HTTP face: the `/v1` API (admin or platform basic auth) and the OSB route. */
export function createSmApp({
  sm,
  admin,
  log,
  version,
  osbRouter,
  operationsRouter,
}: SmAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const auth = { admin: requireAdmin(admin), adminOrPlatform: requireAdminOrPlatform(admin, sm.platforms) };

  app.get('/v1/info', (_req, res) => {
    res.json({
      version,
      admin_user: admin.username,
      features: ['osb', 'notifications', 'catalog-cache', 'plugins'],
    });
  });
  if (osbRouter) app.use('/v1/osb', osbRouter);
  const catalog = catalogRouters(sm, { read: auth.adminOrPlatform, write: auth.admin });
  const routers: Record<string, Router> = {
    ...registryRouters(sm, auth),
    service_offerings: catalog.offerings,
    service_plans: catalog.plans,
    ...instanceRouters(sm, auth),
  };
  if (operationsRouter) app.use('/v1', operationsRouter);
  for (const [path, router] of Object.entries(routers)) app.use(`/v1/${path}`, router);
  app.use(jsonNotFound);
  app.use(jsonErrorHandler(log));
  return app;
}
