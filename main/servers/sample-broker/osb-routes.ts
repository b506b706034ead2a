import express, { type Request, type RequestHandler, type Response } from 'express';
import { type OsbMethod, type OsbOperation, osbOperations } from '../../../shared/osb-operations';
import { osbEndpoints } from '../../core/osb/endpoints';
import {
  bindBodySchema,
  deleteQuerySchema,
  type FaultRegistry,
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

const routerMethods = { GET: 'get', PUT: 'put', PATCH: 'patch', DELETE: 'delete' } as const satisfies Record<
  OsbMethod,
  string
>;

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
  const deleteQuery = (req: Request) =>
    parseInput(deleteQuerySchema, req.query, 'query (service_id and plan_id are required)');

  const handlers: Record<OsbOperation, Handle> = {
    catalog: () => core.catalog(),
    provision: (req) =>
      core.provision(
        param(req, 'instance_id'),
        parseInput(provisionBodySchema, req.body, 'provision request body'),
        {
          ...acceptsIncomplete(req),
          dashboardBase: `${req.protocol}://${req.get('host')}/dashboard`,
        },
      ),
    update: (req) =>
      core.update(
        param(req, 'instance_id'),
        parseInput(updateBodySchema, req.body, 'update request body'),
        acceptsIncomplete(req),
      ),
    deprovision: (req) =>
      core.deprovision(param(req, 'instance_id'), deleteQuery(req), acceptsIncomplete(req)),
    fetchInstance: (req) => core.fetchInstance(param(req, 'instance_id')),
    lastOperation: (req, res) =>
      withRetryAfter(
        res,
        core.instanceLastOperation(param(req, 'instance_id'), queryString(req, 'operation')),
      ),
    bind: (req) =>
      core.bind(
        param(req, 'instance_id'),
        param(req, 'binding_id'),
        parseInput(bindBodySchema, req.body, 'bind request body'),
        acceptsIncomplete(req),
      ),
    unbind: (req) =>
      core.unbind(
        param(req, 'instance_id'),
        param(req, 'binding_id'),
        deleteQuery(req),
        acceptsIncomplete(req),
      ),
    fetchBinding: (req) => core.fetchBinding(param(req, 'instance_id'), param(req, 'binding_id')),
    bindingLastOperation: (req, res) =>
      withRetryAfter(
        res,
        core.bindingLastOperation(
          param(req, 'instance_id'),
          param(req, 'binding_id'),
          queryString(req, 'operation'),
        ),
      ),
  };
  for (const operation of osbOperations) {
    const { method, path } = osbEndpoints[operation];
    router[routerMethods[method]](path, ...route(operation, handlers[operation]));
  }
  return router;
}
