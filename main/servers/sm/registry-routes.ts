import type { RequestHandler, Router } from 'express';
import type { ServiceManager } from '../../core/sm/service-manager';
import { queryableFields } from './fields';
import { resourceRouter } from './resource-routes';

interface Auth {
  admin: RequestHandler;
  adminOrPlatform: RequestHandler;
}

/** `/v1/service_brokers`, `/v1/platforms`, `/v1/visibilities`. */
export function registryRouters(sm: ServiceManager, auth: Auth): Record<string, Router> {
  const adminOnly = { read: auth.admin, write: auth.admin };
  return {
    service_brokers: resourceRouter(
      {
        list: () => sm.brokers.list(),
        get: (id) => sm.brokers.get(id),
        create: (body) => sm.brokers.create(body),
        update: (id, body) => sm.brokers.update(id, body),
        delete: (id, req) => sm.brokers.delete(id, { force: req.query.force === 'true' }),
      },
      { read: auth.adminOrPlatform, write: auth.admin },
      queryableFields.brokers,
    ),
    platforms: resourceRouter(
      {
        list: () => sm.platforms.list(),
        get: (id) => sm.platforms.get(id),
        create: (body) => sm.platforms.create(body),
        update: (id, body, req) => sm.platforms.update(id, body, req.query.regenerateCredentials === 'true'),
        delete: (id) => sm.platforms.delete(id),
      },
      adminOnly,
      queryableFields.platforms,
    ),
    visibilities: resourceRouter(
      {
        list: (req) => {
          const platform = req.res?.locals.platform;
          return sm.visibilities
            .list()
            .filter(
              (visibility) =>
                !platform || visibility.platform_id === null || visibility.platform_id === platform.id,
            );
        },
        get: (id) => sm.visibilities.get(id),
        create: (body) => sm.visibilities.create(body),
        update: (id, body) => sm.visibilities.update(id, body),
        delete: (id) => sm.visibilities.delete(id),
      },
      { read: auth.adminOrPlatform, write: auth.admin },
      queryableFields.visibilities,
    ),
  };
}
