import { randomUUID } from 'node:crypto';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import type { SimConfigInput } from '../../main/config';
import { listen, type RunningServer } from '../../main/servers/http/listen';
import { type PlatformSimulator, startPlatformSimulator } from '../helpers/platform-harness';
import { tempDir } from '../helpers/temp-dir';

/**
 * A broker whose asynchronous provisions never end unless told: every PUT is accepted (202), and
 * `last_operation` answers `lastOperation`; a DELETE answers `deleteStatus`.
 */
async function startEndlessBroker() {
  const id = randomUUID();
  const ids = { service: `endless-service-${id}`, plan: `endless-plan-${id}` };
  const state = {
    lastOperation: 'in progress' as 'in progress' | 'succeeded',
    deleteStatus: 200,
    seen: [] as string[],
  };
  const app = express();
  app.use(express.json());
  app.use((req, _res, next) => {
    state.seen.push(`${req.method} ${req.path}`);
    next();
  });
  app.get('/v2/catalog', (_req, res) => {
    res.json({
      services: [
        {
          id: ids.service,
          name: `endless-${id.slice(0, 8)}`,
          description: 'Provisions that never end',
          bindable: true,
          plans: [{ id: ids.plan, name: 'forever', description: 'Never finishes' }],
        },
      ],
    });
  });
  app.put('/v2/service_instances/:id', (_req, res) => {
    res.status(202).json({ operation: 'provision-forever' });
  });
  app.get('/v2/service_instances/:id/last_operation', (_req, res) => {
    res.json({ state: state.lastOperation });
  });
  app.delete('/v2/service_instances/:id', (_req, res) => {
    if (state.deleteStatus === 200) return res.json({});
    res.status(state.deleteStatus).json({ error: 'ConcurrencyError', description: 'Still provisioning.' });
  });
  const server: RunningServer = await listen(app, '127.0.0.1', 0);
  return { url: server.url, close: server.close, state, ids };
}
type EndlessBroker = Awaited<ReturnType<typeof startEndlessBroker>>;

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

/** A fast-polling cf-dev (and no sample broker): platforms give up after `maxPollingSeconds`. */
const config = (serviceManager: SimConfigInput['serviceManager'], maxPollingSeconds = 1): SimConfigInput => ({
  serviceManager,
  platforms: [{ name: 'cf-dev', type: 'cloudfoundry', maxPollingSeconds, pollIntervalSeconds: 0.2 }],
});

async function simulator(options: Parameters<typeof startPlatformSimulator>[0]) {
  const sim = await startPlatformSimulator({ sampleBroker: false, ...options });
  closers.push(sim.cleanup);
  return sim;
}

/** Registers `broker` in the SM with its plan public, and waits until cf-dev offers it. */
async function register(sim: PlatformSimulator, broker: EndlessBroker): Promise<string> {
  const created = await sim.smCall('POST', '/v1/service_brokers', {
    name: `endless-${randomUUID().slice(0, 8)}`,
    broker_url: broker.url,
    credentials: { basic: { username: 'u', password: 'p' } },
  });
  expect(created.status).toBe(201);
  const query = encodeURIComponent(`broker_id eq '${created.body.id}'`);
  const plans = await sim.smCall('GET', `/v1/service_plans?fieldQuery=${query}`);
  const visibility = await sim.smCall('POST', '/v1/visibilities', {
    service_plan_id: plans.body.items[0].id,
  });
  expect(visibility.status).toBe(201);
  await expect
    .poll(async () => (await sim.platform('cf-dev')('GET', '/marketplace')).body.items.length)
    .toBeGreaterThan(0);
  return created.body.id;
}

/** Provisions on cf-dev; the platform answers 202 while its operation runs. Returns the instance id. */
async function provision(sim: PlatformSimulator, broker: EndlessBroker): Promise<string> {
  const offering = (await sim.platform('cf-dev')('GET', '/marketplace')).body.items.find(
    (item: { id: string }) => item.id === broker.ids.service,
  );
  const answer = await sim.platform('cf-dev')('POST', '/service_instances', {
    name: `stuck-${randomUUID().slice(0, 8)}`,
    service: offering.name,
    plan: 'forever',
  });
  expect(answer.status).toBe(202);
  return answer.body.id;
}

const smOperation = async (sim: PlatformSimulator, instanceId: string, type = 'create') => {
  const operations = (await sim.smCall('GET', '/v1/operations')).body.items as Array<{
    resource_id: string;
    type: string;
    state: string;
    errors: Array<{ error?: string; description: string }>;
  }>;
  return operations.findLast((operation) => operation.resource_id === instanceId && operation.type === type);
};
const smInstance = async (sim: PlatformSimulator, id: string) =>
  (await sim.smCall('GET', `/v1/service_instances/${id}`)).status;
/** A DELETE through the platform API until the instance is gone (its own cleanup may be running meanwhile). */
async function removeFromPlatform(sim: PlatformSimulator, id: string): Promise<void> {
  await expect
    .poll(async () => (await sim.platform('cf-dev')('DELETE', `/service_instances/${id}?wait=true`)).status, {
      timeout: 20_000,
    })
    .toBeOneOf([200, 404]);
  expect((await sim.platform('cf-dev')('GET', `/service_instances/${id}`)).status).toBe(404);
}
const platformInstance = async (sim: PlatformSimulator, id: string) =>
  (await sim.platform('cf-dev')('GET', `/service_instances/${id}`)).body;

describe('an operation whose broker never ends it', () => {
  it('ends failed after serviceManager.operationTimeoutSeconds; the instance and the broker can then be removed', async () => {
    const broker = await startEndlessBroker();
    closers.push(broker.close);
    broker.state.deleteStatus = 422;
    const sim = await simulator({ config: config({ operationTimeoutSeconds: 2 }) });
    const brokerId = await register(sim, broker);
    const id = await provision(sim, broker);

    // The platform gives up first; its cleanup DELETEs reach the broker (no 422 of the SM's), which refuses.
    await expect
      .poll(async () => (await platformInstance(sim, id)).state, { timeout: 10_000 })
      .toBe('failed');
    await expect.poll(() => broker.state.seen.includes(`DELETE /v2/service_instances/${id}`)).toBe(true);
    await expect.poll(async () => (await smOperation(sim, id))?.state, { timeout: 10_000 }).toBe('failed');
    const create = (await smOperation(sim, id))!;
    expect(create.errors[0]!.error).toBe('OperationTimeout');
    expect(create.errors[0]!.description).toMatch(/after 2 s .*serviceManager\.operationTimeoutSeconds/);
    expect(await smInstance(sim, id)).toBe(404);

    broker.state.deleteStatus = 200;
    await removeFromPlatform(sim, id);
    expect((await sim.smCall('DELETE', `/v1/service_brokers/${brokerId}`)).status).toBe(200);
  });
});

describe('forced removal (?force=true)', () => {
  it('of a stuck instance: only the SM record goes, and then the platform removes its own through the broker', async () => {
    const broker = await startEndlessBroker();
    closers.push(broker.close);
    const sim = await simulator({ config: config({}) });
    const brokerId = await register(sim, broker);
    const id = await provision(sim, broker);
    await expect.poll(async () => (await smOperation(sim, id))?.state).toBe('in progress');

    const refused = await sim.smCall('DELETE', `/v1/service_brokers/${brokerId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.description).toContain('?force=true');
    const plain = await sim.smCall('DELETE', `/v1/service_instances/${id}`);
    expect(plain.status).toBe(400);
    expect(plain.body.description).toContain('?force=true');
    const anonymous = await sim.smCall('DELETE', `/v1/service_instances/${id}?force=true`, undefined, null);
    expect(anonymous.status).toBe(401);

    const deletesBefore = broker.state.seen.filter((seen) => seen.startsWith('DELETE')).length;
    expect((await sim.smCall('DELETE', `/v1/service_instances/${id}?force=true`)).status).toBe(200);
    expect(broker.state.seen.filter((seen) => seen.startsWith('DELETE')).length).toBe(deletesBefore);
    expect(await smInstance(sim, id)).toBe(404);
    expect((await smOperation(sim, id))?.errors[0]?.error).toBe('ForcedRemoval');

    await expect
      .poll(async () => (await platformInstance(sim, id)).state, { timeout: 10_000 })
      .toBe('failed');
    await removeFromPlatform(sim, id);
    expect((await sim.smCall('DELETE', `/v1/service_brokers/${brokerId}`)).status).toBe(200);
  });

  it('of a broker with instances: their records go too, and the platform purges its own', async () => {
    const broker = await startEndlessBroker();
    closers.push(broker.close);
    const sim = await simulator({ config: config({}, 600) });
    const brokerId = await register(sim, broker);
    const first = await provision(sim, broker);
    const second = await provision(sim, broker);
    await expect.poll(async () => (await smOperation(sim, second))?.state).toBe('in progress');

    expect((await sim.smCall('DELETE', `/v1/service_brokers/${brokerId}?force=true`)).status).toBe(200);
    expect((await sim.smCall('GET', `/v1/service_brokers/${brokerId}`)).status).toBe(404);
    for (const id of [first, second]) {
      expect(await smInstance(sim, id)).toBe(404);
      expect((await smOperation(sim, id))?.state).toBe('failed');
    }
    await expect
      .poll(async () => (await sim.platform('cf-dev')('GET', '/service_brokers')).body.items.length)
      .toBe(0);
    await expect
      .poll(async () => (await sim.platform('cf-dev')('GET', '/service_instances')).body.items.length)
      .toBe(0);
  });
});

describe('a restart with an operation left in progress in the data file', () => {
  /** Provisions against `broker` with no timeout of the SM's, then stops the simulator mid-way. */
  async function leaveInProgress(dataDir: string, broker: EndlessBroker): Promise<string> {
    const sim = await startPlatformSimulator({ sampleBroker: false, dataDir, config: config({}, 600) });
    try {
      await register(sim, broker);
      const id = await provision(sim, broker);
      await expect.poll(async () => (await smOperation(sim, id))?.state).toBe('in progress');
      return id;
    } finally {
      await sim.cleanup();
    }
  }

  /** The restart: no platform, so only the SM's start sweep can end the operation. */
  const restart = (dataDir: string, serviceManager: SimConfigInput['serviceManager']) =>
    simulator({ dataDir, config: { serviceManager, platforms: [] } });

  it('fails it once operationTimeoutSeconds passed while the broker still says in progress', async () => {
    const broker = await startEndlessBroker();
    closers.push(broker.close);
    const dir = await tempDir();
    closers.push(dir.remove);
    const id = await leaveInProgress(dir.path, broker);

    const sim = await restart(dir.path, { operationTimeoutSeconds: 1 });
    await expect.poll(async () => (await smOperation(sim, id))?.state, { timeout: 10_000 }).toBe('failed');
    expect((await smOperation(sim, id))?.errors[0]?.error).toBe('OperationTimeout');
    expect(await smInstance(sim, id)).toBe(404);
    expect(broker.state.seen.filter((seen) => seen.endsWith('/last_operation')).length).toBeGreaterThan(0);
  });

  it('resumes it: the sweep polls last_operation and stores the end the broker reports', async () => {
    const broker = await startEndlessBroker();
    closers.push(broker.close);
    const dir = await tempDir();
    closers.push(dir.remove);
    const id = await leaveInProgress(dir.path, broker);

    broker.state.lastOperation = 'succeeded';
    const sim = await restart(dir.path, {});
    await expect.poll(async () => (await smOperation(sim, id))?.state).toBe('succeeded');
    const instance = await sim.smCall('GET', `/v1/service_instances/${id}`);
    expect(instance.body).toMatchObject({ ready: true, usable: true });
  });
});
