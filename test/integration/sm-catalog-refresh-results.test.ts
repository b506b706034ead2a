import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBroker, validCatalog } from '../helpers/fake-broker';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

let t: TestSimulator;
let control: string;

beforeAll(async () => {
  t = await startTestSimulator();
  control = t.simulator.endpoints.control.url;
});
afterAll(() => t.cleanup());

async function controlCall(method: string, path: string, body?: unknown) {
  const response = await fetch(`${control}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function brokerId(name: string): Promise<string> {
  const brokers = await t.smCall(
    'GET',
    `/v1/service_brokers?fieldQuery=${encodeURIComponent(`name eq '${name}'`)}`,
  );
  return brokers.body.items[0].id;
}

/** Refreshes one broker's catalog and answers the refresh the history recorded for it. */
async function refresh(id: string) {
  const answer = await controlCall('POST', '/api/catalog-refreshes', { broker_id: id });
  const history = await controlCall('GET', '/api/catalog-refreshes');
  const record = history.body.items.find((item: { broker_id: string }) => item.broker_id === id);
  return { answer, record };
}

describe('the result a catalog refresh records', () => {
  it('is "malformed", saying why, when the sample broker answers its catalog with a body that is not JSON', async () => {
    const id = await brokerId('sample');
    const fault = await controlCall('POST', '/api/sample-broker/faults', {
      kind: 'malformed',
      operations: ['catalog'],
      times: 1,
    });
    expect(fault.status).toBe(201);
    const { answer, record } = await refresh(id);
    expect(answer).toMatchObject({ status: 502, body: { error: 'ServiceBrokerErr' } });
    expect(record).toMatchObject({ broker_name: 'sample', result: 'malformed' });
    expect(record.description).toMatch(
      /^Broker "sample" answered GET \/v2\/catalog with a malformed catalog, not JSON \(a \d+-byte body: .+\); the cached catalog was kept\.$/,
    );
    expect((await refresh(id)).record.result).toBe('unchanged');
  });

  it('is "refused" when the broker answers an error status, and "unreachable" only when nothing answers', async () => {
    const id = await brokerId('sample');
    await controlCall('POST', '/api/sample-broker/faults', {
      kind: 'status',
      status: 503,
      operations: ['catalog'],
      times: 1,
    });
    const refused = await refresh(id);
    expect(refused.record).toMatchObject({ result: 'refused' });
    expect(refused.record.description).toMatch(/answered 503 to GET \/v2\/catalog/);

    // Until removed: a GET whose connection drops may be sent again.
    await controlCall('POST', '/api/sample-broker/faults', { kind: 'down', operations: ['catalog'] });
    const down = await refresh(id);
    await controlCall('DELETE', '/api/sample-broker/faults');
    expect(down.record).toMatchObject({ result: 'unreachable' });
    expect(down.record.description).toMatch(/is unreachable at .* Is it running\?$/);
  });

  it('lists which fields of a changed plan changed, old → new', async () => {
    const fake = await startFakeBroker({ catalog: validCatalog(['basic']) });
    try {
      const created = await t.registerBroker('changing', fake.url);
      expect(created.created.status).toBe(201);
      const catalog = structuredClone(fake.state.behaviour.catalog) as ReturnType<typeof validCatalog>;
      catalog.services[0]!.plans[0]!.description = 'The basic plan, with backups';
      fake.state.behaviour = { catalog };
      const { record } = await refresh(created.created.body.id);
      expect(record.result).toBe('updated');
      const label = record.diff.plans.changed[0];
      expect(label).toMatch(/^basic \(/);
      expect(record.diff.plans.fields[label]).toEqual([
        { field: 'description', before: '"The basic plan"', after: '"The basic plan, with backups"' },
      ]);
    } finally {
      await fake.close();
    }
  });
});
