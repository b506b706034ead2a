import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeBroker, validCatalog } from '../helpers/fake-broker';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

const TIMEOUT_MS = 800;
const INTERVAL_MINUTES = 0.05; // 3 s

let t: TestSimulator;
const fakes: Awaited<ReturnType<typeof startFakeBroker>>[] = [];

beforeAll(async () => {
  t = await startTestSimulator({
    config: { catalog: { timeoutMs: TIMEOUT_MS, concurrency: 8, refreshIntervalMinutes: INTERVAL_MINUTES } },
  });
  for (let i = 0; i < 20; i++) {
    const fake = await startFakeBroker({ catalog: validCatalog() });
    fakes.push(fake);
    const created = await t.smCall('POST', '/v1/service_brokers', {
      name: `pool-${i}`,
      broker_url: fake.url,
      credentials: { basic: { username: 'u', password: 'p' } },
    });
    expect(created.status).toBe(201);
  }
});
afterAll(async () => {
  await t.cleanup();
  await Promise.all(fakes.map((fake) => fake.close()));
});

interface Refresh {
  broker_name: string;
  trigger: string;
  mode: string;
  result: string;
  started_at: string;
  duration_ms: number;
}

function scheduledRefreshes(after: number): Promise<Refresh[]> {
  return vi.waitFor(
    async () => {
      const history = await fetch(`${t.simulator.endpoints.control.url}/api/catalog-refreshes`).then((r) =>
        r.json(),
      );
      const scheduled = (history.items as Refresh[]).filter(
        (record) =>
          record.trigger === 'schedule' &&
          Date.parse(record.started_at) >= after &&
          record.broker_name.startsWith('pool-'),
      );
      if (scheduled.length < 20) throw new Error(`only ${scheduled.length} scheduled refreshes seen`);
      return scheduled.slice(0, 20);
    },
    { timeout: 20_000, interval: 100 },
  );
}

describe('the scheduled forced catalog refresh', () => {
  it('refreshes 20 brokers, 5 of them hanging, in about one timeout, keeping the hung ones cached', async () => {
    for (const fake of fakes.slice(0, 5)) fake.state.behaviour = { ...fake.state.behaviour, hang: true };
    const records = await scheduledRefreshes(Date.now());

    const hung = records.filter((record) =>
      ['pool-0', 'pool-1', 'pool-2', 'pool-3', 'pool-4'].includes(record.broker_name),
    );
    expect(hung.map((record) => record.result)).toEqual(Array(5).fill('timeout'));
    expect(records.filter((record) => record.result === 'unchanged')).toHaveLength(15);
    expect(records.every((record) => record.mode === 'forced')).toBe(true);

    const start = Math.min(...records.map((record) => Date.parse(record.started_at)));
    const end = Math.max(...records.map((record) => Date.parse(record.started_at) + record.duration_ms));
    expect(end - start).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(end - start).toBeLessThan(TIMEOUT_MS * 1.8);

    const plans = await t.smCall('GET', `/v1/service_plans?max_items=200`);
    const brokerNames = new Set(
      (await t.smCall('GET', '/v1/service_brokers?max_items=200')).body.items
        .filter((broker: { name: string }) => broker.name.startsWith('pool-'))
        .map((broker: { id: string }) => broker.id),
    );
    const cachedBrokers = new Set(
      plans.body.items
        .map((plan: { broker_id: string }) => plan.broker_id)
        .filter((id: string) => brokerNames.has(id)),
    );
    expect(cachedBrokers.size).toBe(20);
  });
});
