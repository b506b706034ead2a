import express, { type Request, type RequestHandler, type Response } from 'express';
import {
  bindBodySchema,
  deleteQuerySchema,
  type FaultRegistry,
  type OsbOperation,
  type OsbReply,
  parseInput,
  provisionBodySchema,
  type SampleBrokerCore,
  updateBodySchema,
} from '../../core/sample-broker';
import { injectFaults } from './inject-faults';
import { requireApiVersion } from './osb-headers';

export interface OsbRoutesOptions {
  core: SampleBrokerCore;
  faults: FaultRegistry;
  auth: RequestHandler;
  retryAfterSeconds: number;
}

type Handle = (req: Request, res: Response) => OsbReply | Promise<OsbReply>;

const acceptsIncomplete = (req: Request) => ({ acceptsIncomplete: req.query.accepts_incomplete === 'true' });
const queryString = (req: Request, name: string) =>
  typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined;
/** A route parameter (always one string for the named parameters used here). */
const param = (req: Request, name: string) => String(req.params[name] ?? '');
const bodyString = (req: Request, name: string) => {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
};

/** The `/v2` routes of the broker: each runs faults, auth, the version check, then the core. */
export function osbRoutes({ core, faults, auth, retryAfterSeconds }: OsbRoutesOptions): express.Router {
  const router = express.Router();
  const planOf = (req: Request) =>
    bodyString(req, 'plan_id') ??
    queryString(req, 'plan_id') ??
    core.planOf(param(req, 'instance_id'), param(req, 'binding_id'));
  const route = (operation: OsbOperation, handle: Handle): RequestHandler[] => [
    injectFaults(operation, faults, planOf),
    auth,
    requireApiVersion,
    async (req, res) => {
      const reply = await handle(req, res);
      res.status(reply.status).json(reply.body);
    },
  ];
  const withRetryAfter = (res: Response, reply: OsbReply) => {
    if (reply.body.state === 'in progress') res.setHeader('Retry-After', String(retryAfterSeconds));
    return reply;
  };
  const instance = '/service_instances/:instance_id';
  const binding = `${instance}/service_bindings/:binding_id`;

  router.get('/catalog', ...route('catalog', () => core.catalog()));

  router.put(
    instance,
    ...route('provision', (req) =>
      core.provision(
        param(req, 'instance_id'),
        parseInput(provisionBodySchema, req.body, 'provision request body'),
        {
          ...acceptsIncomplete(req),
          dashboardBase: `${req.protocol}://${req.get('host')}/dashboard`,
        },
      ),
    ),
  );
  router.patch(
    instance,
    ...route('update', (req) =>
      core.update(
        param(req, 'instance_id'),
        parseInput(updateBodySchema, req.body, 'update request body'),
        acceptsIncomplete(req),
      ),
    ),
  );
  router.delete(
    instance,
    ...route('deprovision', (req) =>
      core.deprovision(
        param(req, 'instance_id'),
        parseInput(deleteQuerySchema, req.query, 'query (service_id and plan_id are required)'),
        acceptsIncomplete(req),
      ),
    ),
  );
  router.get(instance, ...route('fetchInstance', (req) => core.fetchInstance(param(req, 'instance_id'))));
  router.get(
    `${instance}/last_operation`,
    ...route('lastOperation', (req, res) =>
      withRetryAfter(
        res,
        core.instanceLastOperation(param(req, 'instance_id'), queryString(req, 'operation')),
      ),
    ),
  );

  router.put(
    binding,
    ...route('bind', (req) =>
      core.bind(
        param(req, 'instance_id'),
        param(req, 'binding_id'),
        parseInput(bindBodySchema, req.body, 'bind request body'),
        acceptsIncomplete(req),
      ),
    ),
  );
  router.delete(
    binding,
    ...route('unbind', (req) =>
      core.unbind(
        param(req, 'instance_id'),
        param(req, 'binding_id'),
        parseInput(deleteQuerySchema, req.query, 'query (service_id and plan_id are required)'),
        acceptsIncomplete(req),
      ),
    ),
  );
  router.get(
    binding,
    ...route('fetchBinding', (req) => core.fetchBinding(param(req, 'instance_id'), param(req, 'binding_id'))),
  );
  router.get(
    `${binding}/last_operation`,
    ...route('bindingLastOperation', (req, res) =>
      withRetryAfter(
        res,
        core.bindingLastOperation(
          param(req, 'instance_id'),
          param(req, 'binding_id'),
          queryString(req, 'operation'),
        ),
      ),
    ),
  );
  return router;
}
