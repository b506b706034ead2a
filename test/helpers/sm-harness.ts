import { notFound } from '../../main/core/errors';
import { EventBus, type SimEvent } from '../../main/core/events';
import {
  type BrokerClient,
  type BrokerRequest,
  type BrokerResponse,
  BrokerTimeoutError,
  BrokerUnreachableError,
} from '../../main/core/sm/broker-client';
import { CatalogCache, type CatalogCacheOptions } from '../../main/core/sm/catalog/cache';
import { freshResource } from '../../main/core/sm/clock';
import {
  type BrokerRecord,
  emptySmState,
  type Labels,
  type PlatformRecord,
  type SmState,
} from '../../main/core/sm/model';
import { type OsbAnswer, OsbService } from '../../main/core/sm/osb';
import type { OsbPlugin } from '../../main/core/sm/plugins';
import type { StateStore } from '../../main/core/state';

/** The state in memory: updates apply at once, as the real store's do. */
export function memoryStore<S>(state: S): StateStore<S> & { writes: number } {
  const store = {
    state,
    writes: 0,
    update: async <R>(mutate: (current: S) => R) => {
      const result = mutate(state);
      store.writes++;
      return result;
    },
  };
  return store;
}

export type FakeReply =
  | { status: number; body?: unknown; raw?: string; headers?: Record<string, string> }
  | 'timeout'
  | 'unreachable';

interface Scripted {
  method: string;
  path: RegExp;
  reply: FakeReply | (() => FakeReply | Promise<FakeReply>);
}

const defaults: Record<string, FakeReply> = {
  PUT: { status: 201, body: {} },
  PATCH: { status: 200, body: {} },
  DELETE: { status: 200, body: {} },
  GET: { status: 200, body: {} },
};

/** A broker in memory: scripted replies (each used once, in order), sensible successes otherwise. */
export class FakeBrokerClient implements BrokerClient {
  readonly calls: Array<{ broker: string; request: BrokerRequest }> = [];
  readonly #script: Scripted[] = [];

  constructor(public catalog: unknown) {}

  /** The next call matching method and path (below the broker URL, e.g. /v2/service_instances/x) gets `reply`. */
  next(method: string, path: RegExp | string, reply: Scripted['reply']): this {
    this.#script.push({ method, path: typeof path === 'string' ? new RegExp(`^${path}$`) : path, reply });
    return this;
  }

  /** Like `next`, but the reply waits until the returned `release()` is called (a broker call still running). */
  hold(method: string, path: RegExp | string, reply: FakeReply): () => void {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.next(method, path, () => released.then(() => reply));
    return release;
  }

  /** Calls other than catalog fetches. */
  osbCalls() {
    return this.calls.filter((call) => call.request.path !== '/v2/catalog').map((call) => call.request);
  }

  async call(broker: Pick<BrokerRecord, 'name'>, request: BrokerRequest): Promise<BrokerResponse> {
    this.calls.push({ broker: broker.name, request });
    if (request.path === '/v2/catalog') return response({ status: 200, body: this.catalog });
    const index = this.#script.findIndex(
      (item) => item.method === request.method && item.path.test(request.path),
    );
    const scripted = index < 0 ? undefined : this.#script.splice(index, 1)[0]!.reply;
    const reply = typeof scripted === 'function' ? await scripted() : (scripted ?? defaults[request.method]!);
    if (reply === 'timeout') throw new BrokerTimeoutError(`no answer within ${request.timeoutMs} ms`);
    if (reply === 'unreachable') throw new BrokerUnreachableError('ECONNREFUSED');
    return response(reply);
  }
}

function response(reply: Exclude<FakeReply, string>): BrokerResponse {
  const rawBody = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  return {
    status: reply.status,
    headers: reply.headers ?? {},
    body: reply.raw === undefined ? reply.body : undefined,
    rawBody,
  };
}

const plan = (id: string, metadata?: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  description: `Plan ${id}`,
  ...(metadata ? { metadata } : {}),
  ...extra,
});

/** Plans named after what they test; `hidden` gets no visibility in most tests. */
export const testCatalog = {
  services: [
    {
      id: 'svc-db',
      name: 'db',
      description: 'A database',
      bindable: true,
      plan_updateable: true,
      metadata: { displayName: 'DB' },
      plans: [
        plan('small'),
        plan('large'),
        plan('k8s-only', { supportedPlatforms: ['kubernetes'] }),
        plan('cf-dev-only', { supportedPlatformNames: ['cf-dev'] }),
        plan('not-k8s-dev', { excludedPlatformNames: ['k8s-dev'] }),
      ],
    },
    {
      id: 'svc-hidden',
      name: 'hidden',
      description: 'Never visible',
      bindable: false,
      plans: [plan('hidden')],
    },
  ],
};

export const cfContext = (org = 'org-1') => ({
  platform: 'cloudfoundry',
  organization_guid: org,
  space_guid: 'space-1',
  instance_name: 'my-db',
});

const platformRecord = (id: string, name: string, type: string): PlatformRecord => ({
  ...freshResource(id),
  name,
  type,
  description: '',
  credentials: [{ username: `${name}-user`, password: 'secret' }],
});

export interface HarnessOptions {
  plugins?: OsbPlugin[];
  brokerTimeoutMs?: number;
  /** Make every plan but `hidden` visible to every platform (default true). */
  publicPlans?: boolean;
  /** `serviceManager.operationTimeoutSeconds` of the operation maintainer. */
  operationTimeoutSeconds?: number;
}

/** A real CatalogCache over `client`: one broker at a time, a 1 s timeout, no plans in use (unless `options` say). */
export function testCatalogCache(
  client: CatalogCacheOptions['client'],
  options: Partial<CatalogCacheOptions> = {},
) {
  return new CatalogCache({
    client,
    events: new EventBus(),
    timeoutMs: 1000,
    concurrency: 1,
    plansInUse: () => [],
    ...options,
  });
}

/** An OsbService over a memory store, a real CatalogCache and a FakeBrokerClient; platforms cf-dev and k8s-dev. */
export async function osbHarness(options: HarnessOptions = {}) {
  const state: SmState = emptySmState();
  const store = memoryStore(state);
  const events = new EventBus();
  const client = new FakeBrokerClient(testCatalog);
  const catalog = new CatalogCache({ client, events, timeoutMs: 1000, concurrency: 2, plansInUse: () => [] });
  const broker: BrokerRecord = {
    ...freshResource('broker-1'),
    name: 'test',
    description: '',
    broker_url: 'http://127.0.0.1:9/broker',
    credentials: { basic: { username: 'broker-user', password: 'broker-secret' } },
  };
  const cf = platformRecord('cf-1', 'cf-dev', 'cloudfoundry');
  const k8s = platformRecord('k8s-1', 'k8s-dev', 'kubernetes');
  state.brokers.push(broker);
  state.platforms.push(cf, k8s);
  await catalog.soft(broker);
  const planId = (catalogId: string) =>
    catalog.plans().find((candidate) => candidate.catalog_id === catalogId)!.id;

  const visible = (catalogId: string, platformId: string | null = null, labels: Labels = {}) =>
    state.visibilities.push({
      ...freshResource(),
      service_plan_id: planId(catalogId),
      platform_id: platformId,
      labels,
    });
  if (options.publicPlans ?? true) {
    for (const id of ['small', 'large', 'k8s-only', 'cf-dev-only', 'not-k8s-dev']) visible(id);
  }

  /** A new OsbService over the same state: what the SM is after a restart (no call of the old one waits). */
  const start = () =>
    new OsbService({
      store,
      catalog,
      brokers: {
        record: (id) => {
          if (id !== broker.id) throw notFound(`There is no service broker with id ${id}.`);
          return broker;
        },
      },
      client,
      events,
      plugins: options.plugins ?? [],
      brokerTimeoutMs: options.brokerTimeoutMs ?? 5000,
      operations: { operationTimeoutSeconds: options.operationTimeoutSeconds },
    });
  let osb = start();

  const seen: SimEvent[] = [];
  events.subscribe((event) => seen.push(event));
  let flows = 0;

  /** One OSB call as a platform's proxy makes it. */
  const call = (
    platform: PlatformRecord,
    method: string,
    path: string,
    body?: unknown,
    query: Record<string, string> = {},
  ): Promise<OsbAnswer> =>
    osb.handle({
      platform,
      brokerId: broker.id,
      method,
      path,
      query,
      headers: { version: '2.17', originatingIdentity: 'cloudfoundry eyJ1c2VyX2lkIjoidSJ9' },
      body,
      flowId: `flow-${++flows}`,
    });

  const provisionBody = (
    planCatalogId = 'small',
    context: Record<string, unknown> = cfContext(),
    extra = {},
  ) => ({
    service_id: 'svc-db',
    plan_id: planCatalogId,
    context,
    ...extra,
  });

  return {
    state,
    store,
    events,
    seen,
    client,
    catalog,
    broker,
    cf,
    k8s,
    get osb() {
      return osb;
    },
    restart: () => {
      osb = start();
      return osb;
    },
    planId,
    visible,
    call,
    provisionBody,
  };
}

export type OsbHarness = Awaited<ReturnType<typeof osbHarness>>;
