import type { RequestHandler, Router } from 'express';
import { notFound } from '../../core/errors';
import { labelsPatchSchema } from '../../core/sm/inputs';
import { applyLabelChanges } from '../../core/sm/listing';
import type { BindingRecord, InstanceRecord } from '../../core/sm/model';
import type { ServiceManager } from '../../core/sm/service-manager';
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

/** `/v1/service_instances` and `/v1/service_bindings`: records made by OSB traffic. */
export function instanceRouters(sm: ServiceManager, admin: RequestHandler) {
  const auth = { read: admin, write: admin };
  const instance = (id: string) => {
    const found = sm.store.state.instances.find((candidate) => candidate.id === id);
    if (!found)
      throw notFound(`There is no service instance with id ${id}. List them with GET /v1/service_instances.`);
    return found;
  };
  const binding = (id: string) => {
    const found = sm.store.state.bindings.find((candidate) => candidate.id === id);
    if (!found)
      throw notFound(`There is no service binding with id ${id}. List them with GET /v1/service_bindings.`);
    return found;
  };

  const instances: Router = resourceRouter(
    {
      list: () => sm.store.state.instances.map(publicInstance),
      get: (id) => publicInstance(instance(id)),
      update: async (id, body) => {
        instance(id);
        const { labels } = parseInput(labelsPatchSchema, body, 'The service instance patch');
        const updated = await sm.store.update((state) => {
          const record = state.instances.find((candidate) => candidate.id === id);
          if (!record) throw notFound(`Service instance ${id} was deleted meanwhile.`);
          record.labels = applyLabelChanges(record.labels, labels);
          return record;
        });
        return publicInstance(updated);
      },
    },
    auth,
    queryableFields.instances,
  );
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
