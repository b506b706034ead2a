import express from 'express';
import { listen, type RunningServer } from '../../main/servers/http/listen';

/**
 * How the broker answers a provision: `always-202` runs every provision asynchronously, even when the request
 * did not send accepts_incomplete=true (a spec bug); `202-when-accepted` answers 201 without
 * accepts_incomplete and 202 with it (allowed).
 */
export type ProvisionMode = 'always-202' | '202-when-accepted';

export interface AsyncTestBrokerOptions {
  provision: ProvisionMode;
  /** The status of a bind on an instance the broker never provisioned: 404 is right, 201 a deliberate bug. */
  bindUnknownInstance?: 201 | 404;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
}

export const ASYNC_BROKER_CREDENTIALS = { username: 'broker', password: 'async-secret' };

const basic = `Basic ${Buffer.from(`${ASYNC_BROKER_CREDENTIALS.username}:${ASYNC_BROKER_CREDENTIALS.password}`).toString('base64')}`;

/**
 * A small OSB broker with one bindable plan whose provisions run asynchronously: `last_operation` says
 * "in progress" once, then "succeeded". Deprovisions and unbinds are synchronous. `received` lists every
 * request that passed the credentials check, in order.
 */
export async function startAsyncTestBroker(options: AsyncTestBrokerOptions) {
  const received: ReceivedRequest[] = [];
  const instances = new Map<string, { polls: number }>();
  const bindings = new Set<string>();
  const ids = { service: `async-test-service-${Date.now()}`, plan: `async-test-plan-${Date.now()}` };
  const app = express();
  app.use(express.json());
  app.use((req, res, next) => {
    if (req.headers.authorization !== basic)
      return res.status(401).json({ description: 'wrong credentials' });
    if (!req.headers['x-broker-api-version'])
      return res.status(412).json({ description: 'no version header' });
    received.push({
      method: req.method,
      path: req.path,
      query: { ...(req.query as Record<string, string>) },
    });
    next();
  });
  app.get('/v2/catalog', (_req, res) => {
    res.json({
      services: [
        {
          id: ids.service,
          name: 'async-test-service',
          description: 'A service whose provisions run asynchronously',
          bindable: true,
          plans: [{ id: ids.plan, name: 'async-test-plan', description: 'Its only plan' }],
        },
      ],
    });
  });
  app.put('/v2/service_instances/:id', (req, res) => {
    const { service_id, plan_id } = req.body ?? {};
    if (service_id !== ids.service || plan_id !== ids.plan) {
      return res.status(400).json({ error: 'BadRequest', description: 'unknown service_id or plan_id' });
    }
    const known = instances.get(req.params.id);
    if (known)
      return res.status(known.polls > 1 ? 200 : 202).json(known.polls > 1 ? {} : { operation: 'create' });
    instances.set(req.params.id, { polls: 0 });
    const asynchronous = options.provision === 'always-202' || req.query.accepts_incomplete === 'true';
    if (!asynchronous) {
      instances.set(req.params.id, { polls: 2 });
      return res.status(201).json({});
    }
    res.status(202).json({ operation: 'create' });
  });
  app.get('/v2/service_instances/:id/last_operation', (req, res) => {
    const instance = instances.get(req.params.id);
    if (!instance) return res.status(410).json({});
    instance.polls++;
    res.set('Retry-After', '0').json({ state: instance.polls > 1 ? 'succeeded' : 'in progress' });
  });
  app.delete('/v2/service_instances/:id', (req, res) => {
    if (!req.query.service_id || !req.query.plan_id) return res.status(400).json({ description: 'no ids' });
    if (!instances.delete(req.params.id)) return res.status(410).json({});
    res.json({});
  });
  app.put('/v2/service_instances/:id/service_bindings/:bindingId', (req, res) => {
    if (!instances.has(req.params.id) && options.bindUnknownInstance !== 201) {
      return res.status(404).json({ description: `there is no instance ${req.params.id}` });
    }
    const key = `${req.params.id}/${req.params.bindingId}`;
    if (bindings.has(key)) return res.status(200).json({ credentials: { uri: 'test://binding' } });
    bindings.add(key);
    res.status(201).json({ credentials: { uri: 'test://binding' } });
  });
  app.delete('/v2/service_instances/:id/service_bindings/:bindingId', (req, res) => {
    if (!bindings.delete(`${req.params.id}/${req.params.bindingId}`)) return res.status(410).json({});
    res.json({});
  });
  const server: RunningServer = await listen(app, '127.0.0.1', 0);
  return { url: server.url, close: server.close, received, ids };
}
