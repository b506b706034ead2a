import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBroker, validCatalog } from '../helpers/fake-broker';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

let t: TestSimulator;
const fakes: Array<{ close: () => Promise<void> }> = [];
beforeAll(async () => {
  t = await startTestSimulator({ config: { catalog: { timeoutMs: 500 } } });
});
afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
  await t.cleanup();
});

async function fake(catalog: unknown, extra: { hang?: boolean; status?: number } = {}) {
  const broker = await startFakeBroker({ catalog, ...extra });
  fakes.push(broker);
  return broker;
}

const credentials = { basic: { username: 'u', password: 'broker-secret-pw' } };

describe('/v1/service_brokers', () => {
  it('has the sample broker registered on first start, with its plans visible to every platform', async () => {
    const brokers = await t.smCall('GET', '/v1/service_brokers');
    expect(brokers.status).toBe(200);
    const sample = brokers.body.items.find((broker: { name: string }) => broker.name === 'sample');
    expect(sample.broker_url).toBe(t.simulator.endpoints.sampleBroker?.url);
    const plans = await t.smCall(
      'GET',
      `/v1/service_plans?fieldQuery=${encodeURIComponent(`broker_id eq '${sample.id}'`)}`,
    );
    expect(plans.body.num_items).toBeGreaterThan(3);
    const visibilities = await t.smCall('GET', '/v1/visibilities?max_items=200');
    const publicPlans = new Set(
      visibilities.body.items
        .filter((v: { platform_id: unknown }) => v.platform_id === null)
        .map((v: { service_plan_id: string }) => v.service_plan_id),
    );
    for (const plan of plans.body.items) expect(publicPlans.has(plan.id)).toBe(true);
  });

  it('registers a broker after fetching its catalog, never returning its credentials', async () => {
    const catalog = validCatalog(['small', 'large']);
    const broker = await fake(catalog);
    const created = await t.smCall('POST', '/v1/service_brokers', {
      name: 'fake-a',
      broker_url: broker.url,
      credentials,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'fake-a', broker_url: broker.url, ready: true });
    expect(created.text).not.toContain('broker-secret-pw');
    expect(broker.state.calls).toBe(1);

    const offerings = await t.smCall(
      'GET',
      `/v1/service_offerings?fieldQuery=${encodeURIComponent(`broker_id eq '${created.body.id}'`)}`,
    );
    expect(offerings.body.items.map((o: { catalog_name: string }) => o.catalog_name)).toEqual([
      catalog.services[0]!.name,
    ]);
    const got = await t.smCall('GET', `/v1/service_brokers/${created.body.id}`);
    expect(got.text).not.toContain('broker-secret-pw');
  });

  it('forces a catalog fetch on every PATCH, even {}, and shows the change in the refresh history', async () => {
    const broker = await fake(validCatalog(['one']));
    const created = await t.smCall('POST', '/v1/service_brokers', {
      name: 'fake-patch',
      broker_url: broker.url,
      credentials,
    });
    await t.smCall('PATCH', `/v1/service_brokers/${created.body.id}`, {});
    expect(broker.state.calls).toBe(2);
    const next = validCatalog(['one', 'two']);
    broker.state.behaviour = { catalog: next };
    const patched = await t.smCall('PATCH', `/v1/service_brokers/${created.body.id}`, {
      description: 'now with two',
    });
    expect(patched.status).toBe(200);
    expect(patched.body.description).toBe('now with two');
    const history = await fetch(`${t.simulator.endpoints.control.url}/api/catalog-refreshes`).then((r) =>
      r.json(),
    );
    const last = history.items.find((record: { broker_id: string }) => record.broker_id === created.body.id);
    expect(last).toMatchObject({ mode: 'forced', trigger: 'patch', result: 'updated' });
    expect(last.diff.plans.added).toHaveLength(2);
  });

  it('refuses an invalid catalog with 400 and the list of problems, storing nothing', async () => {
    const bad = { services: [{ id: 'x', name: 'x', bindable: true, plans: [{ id: 'p', name: 'p' }] }] };
    const broker = await fake(bad);
    const created = await t.smCall('POST', '/v1/service_brokers', {
      name: 'fake-bad',
      broker_url: broker.url,
      credentials,
    });
    expect(created.status).toBe(400);
    expect(created.body.error).toBe('BadRequest');
    expect(created.body.description).toMatch(/description/);
    expect(created.body.problems.length).toBeGreaterThanOrEqual(2);
    const list = await t.smCall(
      'GET',
      `/v1/service_brokers?fieldQuery=${encodeURIComponent("name eq 'fake-bad'")}`,
    );
    expect(list.body.num_items).toBe(0);
  });

  it('keeps the old catalog when a PATCH brings an invalid one', async () => {
    const catalog = validCatalog(['keep']);
    const broker = await fake(catalog);
    const created = await t.smCall('POST', '/v1/service_brokers', {
      name: 'fake-keep',
      broker_url: broker.url,
      credentials,
    });
    broker.state.behaviour = { catalog: { services: 'nope' } };
    const patched = await t.smCall('PATCH', `/v1/service_brokers/${created.body.id}`, { description: 'x' });
    expect(patched.status).toBe(400);
    const plans = await t.smCall(
      'GET',
      `/v1/service_plans?fieldQuery=${encodeURIComponent(`broker_id eq '${created.body.id}'`)}`,
    );
    expect(plans.body.items.map((p: { catalog_id: string }) => p.catalog_id)).toEqual([
      catalog.services[0]!.plans[0]!.id,
    ]);
    expect((await t.smCall('GET', `/v1/service_brokers/${created.body.id}`)).body.description).toBe('');
  });

  it('answers 502 for a broker that is down and 504 for one that hangs', async () => {
    const down = await t.smCall('POST', '/v1/service_brokers', {
      name: 'fake-down',
      broker_url: 'http://127.0.0.1:1',
      credentials,
    });
    expect(down.status).toBe(502);
    expect(down.body.error).toBe('ServiceBrokerErr');
    const hanging = await fake(validCatalog(), { hang: true });
    const started = Date.now();
    const slow = await t.smCall('POST', '/v1/service_brokers', {
      name: 'fake-hang',
      broker_url: hanging.url,
      credentials,
    });
    expect(slow.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses duplicate names with 409 and unknown ids with 404', async () => {
    const broker = await fake(validCatalog());
    await t.smCall('POST', '/v1/service_brokers', { name: 'fake-dup', broker_url: broker.url, credentials });
    const again = await fake(validCatalog());
    const dup = await t.smCall('POST', '/v1/service_brokers', {
      name: 'fake-dup',
      broker_url: again.url,
      credentials,
    });
    expect(dup.status).toBe(409);
    expect((await t.smCall('GET', '/v1/service_brokers/nope')).status).toBe(404);
    expect((await t.smCall('DELETE', '/v1/service_brokers/nope')).status).toBe(404);
  });

  it('validates bodies: missing credentials, wrong types, unknown fields, malformed JSON', async () => {
    const missing = await t.smCall('POST', '/v1/service_brokers', {
      name: 'x',
      broker_url: 'http://127.0.0.1:1',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.description).toMatch(/credentials/);
    const wrongType = await t.smCall('POST', '/v1/service_brokers', {
      name: 5,
      broker_url: 'x',
      credentials,
    });
    expect(wrongType.status).toBe(400);
    const malformed = await fetch(`${t.smUrl}/v1/service_brokers`, {
      method: 'POST',
      headers: { Authorization: t.adminAuth, 'Content-Type': 'application/json' },
      body: '{"name": ',
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toBe('BadRequest');
  });

  it('deletes a broker and its visibilities', async () => {
    const broker = await fake(validCatalog());
    const created = await t.smCall('POST', '/v1/service_brokers', {
      name: 'fake-del',
      broker_url: broker.url,
      credentials,
    });
    const plan = (
      await t.smCall(
        'GET',
        `/v1/service_plans?fieldQuery=${encodeURIComponent(`broker_id eq '${created.body.id}'`)}`,
      )
    ).body.items[0];
    const visibility = await t.smCall('POST', '/v1/visibilities', { service_plan_id: plan.id });
    expect(visibility.status).toBe(201);
    expect((await t.smCall('DELETE', `/v1/service_brokers/${created.body.id}`)).status).toBe(200);
    expect((await t.smCall('GET', `/v1/visibilities/${visibility.body.id}`)).status).toBe(404);
    expect((await t.smCall('GET', `/v1/service_plans/${plan.id}`)).status).toBe(404);
  });
});
