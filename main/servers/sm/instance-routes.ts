import type { RequestHandler, Router } from 'express';
import { ApiError, notFound } from '../../core/errors';
import { findById } from '../../core/record-index';
import { labelsPatchSchema } from '../../core/sm/inputs';
import { applyLabelChanges } from '../../core/sm/listing';
import type { BindingRecord, InstanceRecord, PlatformRecord } from '../../core/sm/model';
import type { ServiceManager } from '../../core/sm/service-manager';
import { isSharePatch } from '../../core/sm/sharing/service';
import { parseInput } from '../../core/validate';
import { queryableFields } from './fields';
import { resourceRouter } from './resource-routes';

/** What the API shows of an instance: not the rollback copy kept for failed updates. */
const publicInstance = ({ previous: _previous, ...instance }: InstanceRecord) => instance;

/** Binding credentials only on request (`?show_credentials=true`). */
const publicBinding = (binding: BindingRecord, showCredentials: boolean) => {
  const { credentials, ...rest } = binding;
  if (credentials === undefined) return rest;
  return { ...rest, credentials: showCredentials ? credentials : '[redacted]' };
};

/** The admin, or a platform that only shares and unshares (its own instances: checked by the sharing rules). */
const adminOrSharingPlatform =
  (adminOrPlatform: RequestHandler): RequestHandler =>
  (req, res, next) =>
    adminOrPlatform(req, res, (error?: unknown) => {
      if (error || !res.locals.platform || isSharePatch(req.body)) return next(error);
      const why =
        'A platform may only send {"shared": true|false} for its own instances; the rest needs the admin.';
      next(new ApiError(403, 'Forbidden', why));
    });

/**
 * `/v1/service_instances` and `/v1/service_bindings`: records made by OSB traffic. PATCH takes labels, or
 * exactly `{"shared": true|false}` (the admin for any instance, a platform for its own).
 */
export function instanceRouters(
  sm: ServiceManager,
  { admin, adminOrPlatform }: { admin: RequestHandler; adminOrPlatform: RequestHandler },
) {
  const auth = { read: admin, write: admin };
  const instance = (id: string) => {
    const found = findById(sm.store.state.instances, id);
    if (!found)
      throw notFound(`There is no service instance with id ${id}. List them with GET /v1/service_instances.`);
    return found;
  };
  const binding = (id: string) => {
    const found = findById(sm.store.state.bindings, id);
    if (!found)
      throw notFound(`There is no service binding with id ${id}. List them with GET /v1/service_bindings.`);
    return found;
  };

  const instances: Router = resourceRouter(
    {
      list: () => sm.store.state.instances.map(publicInstance),
      get: (id) => publicInstance(instance(id)),
      update: async (id, body, req) => {
        if (isSharePatch(body))
          return publicInstance(
            await sm.sharing.setShared(id, body, req.res?.locals.platform as PlatformRecord | undefined),
          );
        instance(id);
        const { labels } = parseInput(labelsPatchSchema, body, 'The service instance patch');
        const updated = await sm.store.update((state) => {
          const record = findById(state.instances, id);
          if (!record) throw notFound(`Service instance ${id} was deleted meanwhile.`);
          record.labels = applyLabelChanges(record.labels, labels, sm.limits.maxNameLength);
          return record;
        });
        return publicInstance(updated);
      },
    },
    { read: admin, write: adminOrSharingPlatform(adminOrPlatform) },
    queryableFields.instances,
  );
  // Records come and go with OSB traffic; only a forced removal deletes one here.
  instances.delete('/:id', admin, async (req, res) => {
    if (req.query.force !== 'true')
      throw new ApiError(
        400,
        'BadRequest',
        'Service instances are deprovisioned through a platform (the OSB route). To remove only the ' +
          "Service Manager's record, without calling the broker, send DELETE /v1/service_instances/:id?force=true.",
      );
    await sm.forceRemoveInstance(req.params.id as string);
    res.json({});
  });
  instances.get('/:id/parameters', admin, (req, res) => {
    res.json(instance(req.params.id as string).parameters);
  });

  const bindings: Router = resourceRouter(
    {
      list: (req) =>
        sm.store.state.bindings.map((item) => publicBinding(item, req.query.show_credentials === 'true')),
      get: (id, req) => publicBinding(binding(id), req.query.show_credentials === 'true'),
    },
    auth,
    queryableFields.bindings,
  );
  return { service_instances: instances, service_bindings: bindings };
}
