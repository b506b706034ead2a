import express, { type Request, type Response, type Router } from 'express';
import { bindingView, instanceView } from '../../core/platform/views';
import type { ActionResult } from '../../platform/actions';
import { bind, unbind } from '../../platform/bindings';
import type { ShareInstance } from '../../platform/clients/sharing';
import { deprovision, provision, update } from '../../platform/instances';
import type { PlatformRuntime } from '../../platform/runtime';

const flag = (req: Request, name: string) => req.query[name] === 'true';
const send = (res: Response, { status, body }: ActionResult) => res.status(status).json(body);

/**
 * The platform API (`/api/*` of a platform server, and `/api/platforms/<name>/*` of the control server):
 * what the platform's users and the UI drive. Lists answer `{items}`; errors `{error, description}`.
 * `POST /service_instances/:id/share|unshare` asks the SM (with the platform's own credentials).
 */
export function platformApiRouter(rt: PlatformRuntime, share: ShareInstance): Router {
  const router = express.Router();
  const notFound = (what: string, id: string) => ({
    error: 'NotFound',
    description: `Platform ${rt.deps.name} has no ${what} ${id}.`,
  });

  router.get('/marketplace', async (req, res) => {
    const organization =
      typeof req.query.organization_guid === 'string' ? req.query.organization_guid : undefined;
    res.json({ items: await rt.marketplace(organization) });
  });
  router.get('/service_brokers', (_req, res) => {
    res.json({ items: rt.state.brokers });
  });
  router.get('/visibilities', (_req, res) => {
    res.json({ items: rt.state.visibilities });
  });

  router.post('/service_instances', async (req, res) => {
    send(res, await provision(rt, req.body, flag(req, 'wait')));
  });
  router.get('/service_instances', (_req, res) => {
    res.json({ items: rt.state.instances.map((instance) => instanceView(instance, rt.state)) });
  });
  router.get('/service_instances/:id', (req, res) => {
    const instance = rt.instance(req.params.id);
    if (!instance) return res.status(404).json(notFound('service instance', req.params.id));
    res.json(instanceView(instance, rt.state));
  });
  router.patch('/service_instances/:id', async (req, res) => {
    send(res, await update(rt, req.params.id, req.body, flag(req, 'wait')));
  });
  router.delete('/service_instances/:id', async (req, res) => {
    const options = { recursive: flag(req, 'recursive'), wait: flag(req, 'wait') };
    send(res, await deprovision(rt, req.params.id, options, (bindingId) => unbind(rt, bindingId, true)));
  });

  for (const [verb, shared] of [
    ['share', true],
    ['unshare', false],
  ] as const) {
    router.post(`/service_instances/:id/${verb}`, async (req, res) => {
      if (!rt.instance(req.params.id))
        return res.status(404).json(notFound('service instance', req.params.id));
      send(res, await share(req.params.id, shared));
    });
  }

  router.post('/service_bindings', async (req, res) => {
    send(res, await bind(rt, req.body, flag(req, 'wait')));
  });
  router.get('/service_bindings', (_req, res) => {
    res.json({ items: rt.state.bindings.map((binding) => bindingView(binding, rt.state)) });
  });
  router.get('/service_bindings/:id', (req, res) => {
    const binding = rt.binding(req.params.id);
    if (!binding) return res.status(404).json(notFound('service binding', req.params.id));
    res.json(bindingView(binding, rt.state));
  });
  router.delete('/service_bindings/:id', async (req, res) => {
    send(res, await unbind(rt, req.params.id, flag(req, 'wait')));
  });
  return router;
}
