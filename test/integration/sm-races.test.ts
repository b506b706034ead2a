import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBroker, validCatalog } from '../helpers/fake-broker';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

let t: TestSimulator;
const fakes: Array<{ close: () => Promise<void> }> = [];
beforeAll(async () => {
  t = await startTestSimulator({ config: { catalog: { timeoutMs: 1000 } } });
});
afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
  await t.cleanup();
});

const credentials = { basic: { username: 'u', password: 'p' } };

async function registerBroker(name: string) {
  const broker = await startFakeBroker({ catalog: validCatalog() });
  fakes.push(broker);
  const created = await t.smCall('POST', '/v1/service_brokers', {
    name,
    broker_url: broker.url,
    credentials,
  });
  expect(created.status).toBe(201);
  return { id: created.body.id as string, url: broker.url };
}

const addLabel = (i: number) => ({ labels: [{ op: 'add', key: `k${i}`, values: [`v${i}`] }] });
const statuses = (answers: Array<{ status: number }>) => answers.map((answer) => answer.status).sort();

/** Answers of `count` requests sent at once. */
const atOnce = <T>(count: number, send: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: count }, (_, i) => send(i)));

describe('concurrent changes through the SM API', () => {
  it('keeps all 120 label additions sent at once to one broker', async () => {
    const { id } = await registerBroker('labels-race');
    const answers = await atOnce(120, (i) => t.smCall('PATCH', `/v1/service_brokers/${id}`, addLabel(i)));
    expect(statuses(answers)).toEqual(Array(120).fill(200));
    const stored = await t.smCall('GET', `/v1/service_brokers/${id}`);
    expect(Object.keys(stored.body.labels)).toHaveLength(120);
  });

  it('gives a name to exactly one of three brokers renamed to it at once', async () => {
    const brokers = await Promise.all(['rename-a', 'rename-b', 'rename-c'].map(registerBroker));
    const answers = await Promise.all(
      brokers.map(({ id }) => t.smCall('PATCH', `/v1/service_brokers/${id}`, { name: 'wanted' })),
    );
    expect(statuses(answers)).toEqual([200, 409, 409]);
    const list = await t.smCall('GET', '/v1/service_brokers');
    const names = list.body.items.map((broker: { name: string }) => broker.name);
    expect(names.filter((name: string) => name === 'wanted')).toHaveLength(1);
  });

  it('registers only one of three brokers given the same name at once', async () => {
    const urls = await atOnce(3, async () => {
      const broker = await startFakeBroker({ catalog: validCatalog() });
      fakes.push(broker);
      return broker.url;
    });
    const answers = await Promise.all(
      urls.map((url) =>
        t.smCall('POST', '/v1/service_brokers', { name: 'twin', broker_url: url, credentials }),
      ),
    );
    expect(statuses(answers)).toEqual([201, 409, 409]);
  });

  it('keeps all label additions sent at once to one platform, and gives a name to one of three platforms', async () => {
    const platforms = await atOnce(3, async (i) => {
      const created = await t.smCall('POST', '/v1/platforms', { name: `race-${i}`, type: 'cloudfoundry' });
      expect(created.status).toBe(201);
      return created.body.id as string;
    });
    const labelled = await atOnce(120, (i) =>
      t.smCall('PATCH', `/v1/platforms/${platforms[0]}`, addLabel(i)),
    );
    expect(statuses(labelled)).toEqual(Array(120).fill(200));
    expect(Object.keys((await t.smCall('GET', `/v1/platforms/${platforms[0]}`)).body.labels)).toHaveLength(
      120,
    );

    const renamed = await Promise.all(
      platforms.map((id) => t.smCall('PATCH', `/v1/platforms/${id}`, { name: 'race-wanted' })),
    );
    expect(statuses(renamed)).toEqual([200, 409, 409]);
    const created = await atOnce(3, () =>
      t.smCall('POST', '/v1/platforms', { name: 'race-twin', type: 'x' }),
    );
    expect(statuses(created)).toEqual([201, 409, 409]);
  });

  it('keeps all label additions sent at once to one visibility', async () => {
    const plans = await t.smCall('GET', '/v1/service_plans');
    const created = await t.smCall('POST', '/v1/visibilities', {
      service_plan_id: plans.body.items[0].id,
      platform_id: (await t.smCall('GET', '/v1/platforms')).body.items[0].id,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const answers = await atOnce(120, (i) => t.smCall('PATCH', `/v1/visibilities/${id}`, addLabel(i)));
    expect(statuses(answers)).toEqual(Array(120).fill(200));
    expect(Object.keys((await t.smCall('GET', `/v1/visibilities/${id}`)).body.labels)).toHaveLength(120);
  });

  it('lets only one of two visibilities of a plan move to the same platform at once', async () => {
    const plan = (await t.smCall('GET', '/v1/service_plans')).body.items[1].id as string;
    const platforms = await atOnce(3, async (i) => {
      const created = await t.smCall('POST', '/v1/platforms', { name: `vis-${i}`, type: 'kubernetes' });
      return created.body.id as string;
    });
    const visibilities = await atOnce(2, async (i) => {
      const created = await t.smCall('POST', '/v1/visibilities', {
        service_plan_id: plan,
        platform_id: platforms[i],
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    });
    const moved = await Promise.all(
      visibilities.map((id) => t.smCall('PATCH', `/v1/visibilities/${id}`, { platform_id: platforms[2] })),
    );
    expect(statuses(moved)).toEqual([200, 409]);
    const list = await t.smCall(
      'GET',
      `/v1/visibilities?fieldQuery=${encodeURIComponent(`platform_id eq '${platforms[2]}'`)}`,
    );
    const onTarget = list.body.items.filter(
      (visibility: { service_plan_id: string; platform_id: string }) =>
        visibility.service_plan_id === plan && visibility.platform_id === platforms[2],
    );
    expect(onTarget).toHaveLength(1);
  });

  it('serves the catalog of the new URL after a PATCH that moves a broker while a refresh of the old one runs', async () => {
    const old = await startFakeBroker({ catalog: validCatalog(['old-plan']) });
    const moved = await startFakeBroker({ catalog: validCatalog(['new-plan']) });
    fakes.push(old, moved);
    const created = await t.smCall('POST', '/v1/service_brokers', {
      name: 'moving',
      broker_url: old.url,
      credentials,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    old.state.behaviour.hang = true;
    const refresh = fetch(`${t.simulator.endpoints.control.url}/api/catalog-refreshes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ broker_id: id }),
    });
    await expect.poll(() => old.state.calls).toBe(2);
    const patched = await t.smCall('PATCH', `/v1/service_brokers/${id}`, { broker_url: moved.url });
    expect(patched.status).toBe(200);
    await refresh;
    const query = encodeURIComponent(`broker_id eq '${id}'`);
    const plans = await t.smCall('GET', `/v1/service_plans?fieldQuery=${query}`);
    expect(plans.body.items.map((plan: { catalog_name: string }) => plan.catalog_name)).toEqual(['new-plan']);
  });
});
