import { readFile, writeFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { jsonDepth } from '../../main/core/json-depth';
import { DEFAULT_LIMITS } from '../../main/core/limits';
import { DATA_FILE_NAME } from '../../main/store';
import { type MockBroker, startMockBroker } from '../../main/workflows/mock-broker';
import { type AimedCall, type FuzzRequest, type FuzzServer, fuzzRequest } from '../helpers/fuzz-requests';
import { basicAuth, rawRequest } from '../helpers/raw-http';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

/**
 * Property-based fuzz of every route of every server of one simulator: whatever comes in, the answer is
 * never a 5xx of smsim's, a refusal is a JSON `{error, description}`, a refused request changes no stored
 * data, and afterwards the simulator still takes a normal write that survives a restart.
 */

const RUNS = { control: 1300, sm: 1300, cf: 700, k8s: 400, sample: 700, mock: 600 } as const;
const TIME_LIMIT_MS = 100_000;

const OSB_ROUTES = [
  '/v2/catalog',
  '/v2/service_instances/{id}',
  '/v2/service_instances/{id}/last_operation',
  '/v2/service_instances/{id}/service_bindings/{id}',
  '/v2/service_instances/{id}/service_bindings/{id}/last_operation',
];
const SM_ROUTES = [
  '/v1/info',
  '/v1/notifications',
  '/v1/operations',
  ...['service_brokers', 'platforms', 'visibilities', 'service_offerings', 'service_plans'].flatMap(
    (resource) => [`/v1/${resource}`, `/v1/${resource}/{id}`],
  ),
  ...['service_instances', 'service_bindings'].flatMap((resource) => [
    `/v1/${resource}`,
    `/v1/${resource}/{id}`,
    `/v1/${resource}/{id}/operations/{id}`,
  ]),
  '/v1/{id}',
];
const PLATFORM_API_ROUTES = [
  '/api/marketplace',
  '/api/service_brokers',
  '/api/visibilities',
  '/api/service_instances',
  '/api/service_instances/{id}',
  '/api/service_instances/{id}/share',
  '/api/service_instances/{id}/unshare',
  '/api/service_bindings',
  '/api/service_bindings/{id}',
  '/api/{id}',
];
const CONTROL_ROUTES = [
  '/',
  '/{id}',
  '/traffic',
  '/api/endpoints',
  '/api/health',
  '/api/events',
  '/api/{id}',
  ...SM_ROUTES.map((route) => route.replace('/v1', '/api/sm')),
  '/api/platforms',
  '/api/platforms/{id}',
  '/api/platforms/{id}/notifications/disconnect',
  '/api/platforms/{id}/resync',
  ...PLATFORM_API_ROUTES.map((route) => route.replace('/api', '/api/platforms/{id}')),
  '/api/sample-broker/catalog',
  '/api/sample-broker/faults',
  '/api/sample-broker/faults/{id}',
  '/api/sample-broker/requests',
  '/api/catalog-refreshes',
  '/api/sharing',
  '/api/sharing/{id}/share',
  '/api/sharing/{id}/unshare',
  '/api/flows',
  '/api/flows/{id}',
  '/api/traffic.har',
  '/api/traffic/import',
  '/api/traffic/state',
  '/api/mock-brokers',
  '/api/recordings',
  '/api/recordings/{id}',
  '/api/recordings/{id}/stop',
  '/api/recordings/{id}/har',
  '/api/replays',
  '/api/replays/{id}',
  '/api/scenarios',
  '/api/scenarios/run',
  '/api/scenario-runs',
  '/api/scenario-runs/{id}',
  '/api/fixtures/checks',
  '/api/fixtures/checks/{id}',
];

let sim: TestSimulator;
let mock: MockBroker;
let uiDir: Awaited<ReturnType<typeof tempDir>>;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });
const targets: Record<keyof typeof RUNS, { url: string; fuzz: FuzzServer }> = {} as never;
let cases = 0;
const statuses = new Map<number, number>();
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

const snapshot = () => JSON.stringify(sim.simulator.store.data);

/**
 * The stored data a refusal must leave alone. An OSB call the broker refused is still an operation the SM
 * records (failed), as Peripli's SM does; everything else must stay as it was.
 */
function unchangedPart(request: FuzzRequest): string {
  const data = sim.simulator.store.data;
  if (!request.path.includes('/osb/')) return JSON.stringify(data);
  return JSON.stringify({ ...data, sm: { ...data.sm, operations: undefined } });
}

const inProgress = () =>
  Object.values(sim.simulator.store.data.platforms).some((platform) =>
    [...platform.instances, ...platform.bindings].some((record) => record.state === 'in progress'),
  );

/**
 * After an accepted request: until the store has stopped changing and no platform still polls an operation
 * (an accepted provision goes on after its 202), at most 10 s; the requests after it do not depend on it.
 */
async function settled() {
  let last = snapshot();
  const quiet = () => {
    const now = snapshot();
    const unchanged = now === last;
    last = now;
    if (!unchanged || inProgress()) throw new Error('the store is still changing');
  };
  await vi.waitFor(quiet, { timeout: 10_000, interval: 25 }).catch(() => undefined);
}

/** Where two snapshots first differ, with some context. */
function difference(before: string, after: string): string {
  let index = 0;
  while (before[index] === after[index]) index++;
  const from = Math.max(0, index - 150);
  return `…${before.slice(from, index + 150)}… became …${after.slice(from, index + 150)}…`;
}

/** One fuzz case: the answer's properties, and the store's. */
async function check(url: string, request: FuzzRequest) {
  const before = unchangedPart(request);
  const operations = sim.simulator.store.data.sm.operations.length;
  const answer = await rawRequest(url, { ...request, agent });
  cases++;
  statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  const what = `${request.method} ${request.path.slice(0, 160)} ${JSON.stringify(request.headers).slice(0, 200)} body ${request.body?.toString('utf8').slice(0, 160)} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, what).toBeLessThan(500);
  if (answer.status < 400) return READS.has(request.method) ? undefined : settled();
  if (request.method !== 'HEAD') {
    expect(answer.headers['content-type'], what).toMatch(/^application\/json/);
    expect(answer.json, what).toMatchObject({ error: expect.any(String), description: expect.any(String) });
  }
  const after = unchangedPart(request);
  if (after !== before) expect.fail(`stored data changed by ${what}: ${difference(before, after)}`);
  const added = sim.simulator.store.data.sm.operations.slice(operations);
  expect(
    added.map((operation) => operation.state),
    what,
  ).toEqual(added.map(() => 'failed'));
}

beforeAll(async () => {
  // A UI of its own, so the control server's UI routes answer whether or not `npm run build` ran.
  uiDir = await tempDir('smsim-fuzz-ui-');
  await writeFile(join(uiDir.path, 'index.html'), '<!doctype html><title>smsim</title>');
  sim = await startTestSimulator({ uiDir: uiDir.path, config: { sampleBroker: { asyncDelayMs: 10 } } });
  const { endpoints, store } = sim.simulator;
  const control = endpoints.control.url;
  // Not registered in the SM: the recording is of the sample broker, whose ids are taken.
  mock = await startMockBroker('fixtures/recordings/sample-session.har');

  const sm = store.data.sm;
  const catalog = async (path: string) =>
    (await sim.smCall('GET', path)).body.items as Array<{ id: string; name: string }>;
  const allOfferings = await catalog('/v1/service_offerings');
  const offerings = allOfferings.slice(0, 4);
  const plans = (await catalog('/v1/service_plans')).slice(0, 4);
  const realIds = [
    ...sm.brokers.map((broker) => broker.id),
    ...sm.platforms.map((platform) => platform.id),
    ...offerings.map((offering) => offering.id),
    ...plans.map((plan) => plan.id),
    'sample',
    'cf-dev',
    'k8s-dev',
    'mock',
    'service_instances',
    'v2',
    '00000000-0000-4000-8000-000000000000',
  ];
  const [cf, k8s] = endpoints.platforms;
  const platformCredentials = store.data.platforms['cf-dev']!.sm!.credentials;
  const platformAuth = basicAuth(platformCredentials.username, platformCredentials.password);
  const proxyAuth = ({ username, password }: { username: string; password: string }) =>
    basicAuth(username, password);
  const sample = endpoints.sampleBroker!;
  const realValues = [...realIds, ...offerings.map(({ name }) => name), ...plans.map(({ name }) => name)];
  // Valid calls, mutated by the fuzz: a synchronous plan (an asynchronous one keeps a platform polling).
  // From the whole list: the first four offerings the SM lists need not include it.
  const db = allOfferings.find(({ name }) => name === 'sample-db')!;
  const small = (await sim.smCall('GET', `/v1/service_plans?fieldQuery=service_offering_id eq '${db.id}'`))
    .body.items[0] as { id: string; name: string };
  const context = { platform: 'cloudfoundry', organization_guid: 'org', space_guid: 'space' };
  const provision = {
    service_id: db.id,
    plan_id: small.id,
    organization_guid: 'org',
    space_guid: 'space',
    context,
    parameters: {},
  };
  const bind = { service_id: db.id, plan_id: small.id, bind_resource: { app_guid: 'app' }, context };
  const sampleId = sm.brokers.find(({ name }) => name === 'sample')!.id;
  const osbCalls = (prefix: string): AimedCall[] => [
    {
      method: 'PUT',
      path: `${prefix}/v2/service_instances/{new}?accepts_incomplete=true`,
      template: provision,
    },
    {
      method: 'PATCH',
      path: `${prefix}/v2/service_instances/{new}`,
      template: { service_id: db.id, parameters: {} },
    },
    { method: 'PUT', path: `${prefix}/v2/service_instances/{new}/service_bindings/{new}`, template: bind },
  ];
  const platformCalls = (prefix: string): AimedCall[] => [
    {
      method: 'POST',
      path: `${prefix}/service_instances`,
      template: { name: 'fuzzed-{new}', service: 'sample-db', plan: small.name, parameters: {}, context: {} },
    },
    {
      method: 'POST',
      path: `${prefix}/service_bindings`,
      template: { name: 'fuzzed-{new}', service_instance_id: '{new}', parameters: {} },
    },
  ];
  const smCalls = (prefix: string): AimedCall[] => [
    {
      method: 'POST',
      path: `${prefix}/platforms`,
      template: { name: 'fuzzed-{new}', type: 'cloudfoundry', labels: {} },
    },
    {
      method: 'POST',
      path: `${prefix}/visibilities`,
      template: { service_plan_id: small.id, platform_id: sm.platforms[0]!.id, labels: {} },
    },
    {
      method: 'PATCH',
      path: `${prefix}/service_brokers/${sampleId}`,
      template: { labels: [{ op: 'add', key: 'fuzz', values: ['v'] }] },
    },
  ];
  const server = (
    routes: string[],
    auth: (route: string) => string | undefined,
    aimed: AimedCall[],
    osb = false,
  ): FuzzServer => ({
    routes,
    realIds,
    realValues,
    aimed,
    authorization: auth,
    osb: (route: string) => osb || route.includes('/v2/'),
  });
  Object.assign(targets, {
    control: {
      url: control,
      fuzz: server(CONTROL_ROUTES, () => undefined, [
        ...smCalls('/api/sm'),
        ...platformCalls('/api/platforms/cf-dev'),
        { method: 'POST', path: '/api/mock-brokers', template: { name: 'fuzzed-{new}', har: { log: {} } } },
      ]),
    },
    sm: {
      url: sim.smUrl,
      fuzz: server(
        [...SM_ROUTES, ...OSB_ROUTES.map((route) => `/v1/osb/{id}${route}`)],
        (route) => (route.startsWith('/v1/osb') ? platformAuth : sim.adminAuth),
        [...smCalls('/v1'), ...osbCalls(`/v1/osb/${sampleId}`)],
      ),
    },
    cf: {
      url: cf!.url,
      fuzz: server(
        [...PLATFORM_API_ROUTES, ...OSB_ROUTES.map((route) => `/osb/{id}${route}`)],
        () => proxyAuth(cf!.proxyCredentials),
        [...platformCalls('/api'), ...osbCalls(`/osb/${sampleId}`)],
      ),
    },
    k8s: {
      url: k8s!.url,
      fuzz: server(
        [...PLATFORM_API_ROUTES, ...OSB_ROUTES.map((route) => `/osb/{id}${route}`)],
        () => proxyAuth(k8s!.proxyCredentials),
        [...platformCalls('/api'), ...osbCalls(`/osb/${sampleId}`)],
      ),
    },
    sample: {
      url: sample.url,
      fuzz: server(
        [...OSB_ROUTES, '/dashboard/{id}', '/{id}'],
        () => proxyAuth(sample.credentials),
        osbCalls(''),
        true,
      ),
    },
    mock: {
      url: mock.url,
      fuzz: server([...OSB_ROUTES, '/{id}'], () => basicAuth('mock', 'mock'), [], true),
    },
  });
}, 60_000);

afterAll(async () => {
  agent.destroy();
  await mock?.close();
  await sim?.cleanup();
  await uiDir?.remove();
});

describe('fuzz: every route of every server', () => {
  for (const [name, runs] of Object.entries(RUNS) as Array<[keyof typeof RUNS, number]>) {
    it(
      `${name}: ${runs} requests of junk, each refused with a JSON 4xx or accepted, none a 5xx`,
      async () => {
        const { url, fuzz } = targets[name];
        // The SSE stream never ends: GET /api/events is tested by its own suite.
        const requests = fuzzRequest(fuzz).filter(
          (request) =>
            !(request.path.split('?')[0] === '/api/events' && ['GET', 'HEAD'].includes(request.method)),
        );
        await fc.assert(
          fc.asyncProperty(requests, (request) => check(url, request)),
          { numRuns: runs, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: true },
        );
        const health = await rawRequest(targets.control.url, { path: '/api/health', agent });
        expect(health.status).toBe(200);
      },
      TIME_LIMIT_MS + 60_000,
    );
  }

  it('ran at least 5,000 cases; afterwards a normal write succeeds and survives a restart', async () => {
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
    console.log(
      `fuzz: ${cases} cases over ${Object.keys(RUNS).length} servers; answers ${byStatus.join(' ')}`,
    );
    expect(cases).toBeGreaterThanOrEqual(5000);

    // Nothing deeper than the limit reached the capture (what the UI shows).
    const depths = sim.simulator.traffic
      .exchanges()
      .flatMap((exchange) => [exchange.request.body, exchange.response?.body])
      .map((body) => (body === undefined ? 0 : jsonDepth(body)));
    expect(Math.max(...depths)).toBeLessThanOrEqual(DEFAULT_LIMITS.maxJsonDepth);

    await sim.simulator.store.flush();
    const file = JSON.parse(await readFile(join(sim.dataDir, DATA_FILE_NAME), 'utf8'));
    expect(file).toEqual(JSON.parse(snapshot()));

    const created = await sim.smCall('POST', '/v1/platforms', { name: 'after-fuzz', type: 'cloudfoundry' });
    expect(created.status, created.text).toBe(201);
    await sim.simulator.stop();

    const restarted = await startTestSimulator({ dataDir: sim.dataDir });
    try {
      const platforms = await restarted.smCall('GET', '/v1/platforms');
      expect(platforms.body.items.map((platform: { id: string }) => platform.id)).toContain(created.body.id);
    } finally {
      await restarted.cleanup();
    }
  }, 60_000);
});
