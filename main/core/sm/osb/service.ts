import type { OsbOperation } from '../../../../shared/osb-operations';
import { ApiError } from '../../errors';
import { apiVersionRefusal } from '../../osb/api-version';
import { decodeOsbPath, type OsbRoute } from '../../osb/endpoints';
import { findById } from '../../record-index';
import type { PlanView } from '../catalog/views';
import type { BrokerRecord, SmState } from '../model';
import { runAfter, runBefore } from '../plugins/run';
import type { DeepReadonly, OsbContext, OsbPlugin } from '../plugins/types';
import { apiErrorAnswer, errorAnswer } from './answers';
import { bind, fetchBinding, unbind } from './bindings';
import { requestBody, stringField } from './bodies';
import { catalogForPlatform } from './catalog-view';
import { BrokerGateway } from './gateway';
import { deprovision, provision, update } from './instances';
import { OperationMaintainer } from './maintainer';
import { bindingLastOperation, fetchInstance, lastOperation } from './reads';
import { sharedTarget } from './references';
import { checkRules } from './rules';
import { type OsbJob, OsbRuntime } from './runtime';
import type { OsbAnswer, OsbCall, OsbServiceDeps } from './types';

export const DEFAULT_BROKER_TIMEOUT_MS = 30_000;

type Handler = (rt: OsbRuntime, job: OsbJob) => Promise<OsbAnswer>;

/** `GET /v2/catalog` from the cache (soft update), filtered for the caller. */
const catalog: Handler = async (rt, job) => {
  const views = await rt.catalog.soft(job.broker);
  const brokerCatalog = rt.catalog.catalogOf(job.broker.id)!;
  const visibilities = rt.store.state.visibilities;
  const body = catalogForPlatform(job.broker.id, brokerCatalog, views, job.platform, visibilities);
  return { status: 200, body };
};

const handlers: Record<OsbOperation, Handler> = {
  catalog,
  provision,
  update,
  deprovision,
  fetchInstance,
  lastOperation,
  bind,
  unbind,
  fetchBinding,
  bindingLastOperation,
};

/** Operations whose checks need the broker's catalog: a soft update first. */
const needCatalog = new Set<OsbOperation>(['provision', 'update']);

const answerApiErrors = (error: unknown): OsbAnswer => {
  if (error instanceof ApiError) return apiErrorAnswer(error);
  throw error;
};

/**
 * The OSB route of the Service Manager: the plugins' `before` hooks, the built-in rules (rules/index.ts),
 * forwarding to the broker, storage of instances, bindings and operations that follows the broker, and the
 * plugins' `after` hooks.
 */
export class OsbService {
  readonly #runtime: OsbRuntime;
  readonly #plugins: readonly OsbPlugin[];
  /** Ends the operations nobody waits on; started by the Service Manager's schedule. */
  readonly maintainer: OperationMaintainer;

  constructor(private readonly deps: OsbServiceDeps) {
    const gateway = new BrokerGateway(deps.client, deps.brokerTimeoutMs ?? DEFAULT_BROKER_TIMEOUT_MS);
    const onDelete = deps.sharing?.onDeleteWithReferences;
    this.#runtime = new OsbRuntime(deps.store, deps.catalog, deps.events, gateway, onDelete);
    this.#plugins = deps.plugins ?? [];
    this.maintainer = new OperationMaintainer(this.#runtime, deps.catalog, deps.operations ?? {});
  }

  /** Answers one platform call; every refusal is an OSB error answer, never a thrown ApiError. */
  handle(call: OsbCall): Promise<OsbAnswer> {
    return this.#handle(call).catch(answerApiErrors);
  }

  async #handle(call: OsbCall): Promise<OsbAnswer> {
    const route = decodeOsbPath(call.method, call.path);
    if (!route)
      return errorAnswer(404, 'NotFound', `There is no OSB endpoint ${call.method} /v2${call.path}.`);
    const broker = this.deps.brokers.record(call.brokerId);
    // Every call, the catalog served from the cache included, as the broker checks the ones it gets.
    const versionRefusal = apiVersionRefusal(call.headers.version, 'the Service Manager');
    if (versionRefusal) return errorAnswer(412, 'PreconditionFailed', versionRefusal);
    if (needCatalog.has(route.operation)) await this.deps.catalog.soft(broker);
    const ctx = this.#context(call, route, broker);
    const refusal = await runBefore(this.#plugins, route.operation, ctx);
    if (refusal) return refusal;
    const answer = await this.#answer({ ctx, route, broker, platform: call.platform, path: call.path }).catch(
      answerApiErrors,
    );
    return runAfter(this.#plugins, route.operation, ctx, answer);
  }

  /**
   * Reads the body, checks the rules and starts the handler in one tick: no other call can change what the
   * rules saw before the handler stores its operation (see OsbRuntime.change()).
   */
  async #answer(call: Omit<OsbJob, 'body' | 'forwardAs'>): Promise<OsbAnswer> {
    const rt = this.#runtime;
    const state = rt.store.state;
    const body = requestBody(call.route.operation, call.ctx.request.body, call.platform.type);
    const job: OsbJob = { ...call, body };
    job.forwardAs = sharedTarget(state, rt.catalog.plans(), job);
    const busy = (operationId: string) => rt.busy(operationId);
    checkRules({ job, state, catalog: rt.catalog, busy, onDeleteWithReferences: rt.onDeleteWithReferences });
    return handlers[job.route.operation](rt, job);
  }

  #context(call: OsbCall, route: OsbRoute, broker: BrokerRecord): OsbContext {
    const { id, name, type, labels } = call.platform;
    const plan = this.#planOf(call, route, broker);
    return {
      operation: route.operation,
      platform: { id, name, type, labels },
      broker: { id: broker.id, name: broker.name },
      ...(route.instanceId === undefined ? {} : { instanceId: route.instanceId }),
      ...(route.bindingId === undefined ? {} : { bindingId: route.bindingId }),
      ...(plan ? { plan } : {}),
      state: this.deps.store.state as DeepReadonly<SmState>,
      flowId: call.flowId,
      request: { body: call.body, query: { ...call.query }, headers: { ...call.headers } },
    };
  }

  /** The plan named by the body or query, else the stored instance's plan. */
  #planOf(call: OsbCall, route: OsbRoute, broker: BrokerRecord): PlanView | undefined {
    const plans = this.deps.catalog.plans();
    const catalogId = stringField(call.body, 'plan_id') ?? call.query.plan_id;
    const named = plans.find((plan) => plan.broker_id === broker.id && plan.catalog_id === catalogId);
    if (named) return named;
    const instance = route.instanceId
      ? findById(this.deps.store.state.instances, route.instanceId)
      : undefined;
    return instance && plans.find((plan) => plan.id === instance.service_plan_id);
  }
}
