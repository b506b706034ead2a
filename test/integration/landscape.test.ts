import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LandscapeView } from '../../main/servers/control/api-types';
import { startFakeBroker, validCatalog } from '../helpers/fake-broker';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

const PASSWORD = 'landscape-broker-secret';
const CF_TO_SM = { from: 'platform-cf-dev', to: 'service-manager' };
const SM_TO_SAMPLE = { from: 'service-manager', to: 'broker-sample' };

let t: TestSimulator;
let control: string;
beforeAll(async () => {
  t = await startTestSimulator();
  control = t.simulator.endpoints.control.url;
});
afterAll(() => t?.cleanup());

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${control}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const landscape = async () => (await call('GET', '/api/landscape')).body as LandscapeView;
const edge = (view: LandscapeView, ends: { from: string; to: string }) =>
  view.edges.find((candidate) => candidate.from === ends.from && candidate.to === ends.to);

async function provision(name: string) {
  const answer = await call('POST', '/api/platforms/cf-dev/service_instances', {
    name,
    service: 'sample-db',
    plan: 'small',
  });
  return answer.status;
}

describe('GET /api/landscape', () => {
  it('lists the platforms, the SM and the sample broker, each platform and broker with its edge', async () => {
    const view = await landscape();
    expect(view.nodes.map((node) => node.id)).toEqual([
      'control',
      'platform-cf-dev',
      'platform-k8s-dev',
      'service-manager',
      'broker-sample',
    ]);
    expect(view.nodes.find((node) => node.id === 'broker-sample')).toMatchObject({
      kind: 'broker',
      sample: true,
      url: t.simulator.endpoints.sampleBroker!.url,
    });
    expect(view.edges.map(({ from, to }) => `${from}→${to}`)).toEqual([
      'platform-cf-dev→service-manager',
      'platform-k8s-dev→service-manager',
      'service-manager→broker-sample',
    ]);
  });

  it('counts the calls of N provisions through a platform on both edges, with p50 and rate', async () => {
    const before = await landscape();
    const provisions = 4;
    for (let index = 0; index < provisions; index++) expect(await provision(`counted-${index}`)).toBe(201);
    const after = await landscape();
    for (const ends of [CF_TO_SM, SM_TO_SAMPLE]) {
      const [was, now] = [edge(before, ends)!, edge(after, ends)!];
      expect(now.total - was.total).toBe(provisions);
      expect(now.errors).toBe(was.errors);
      expect(now.p50Ms).toBeGreaterThan(0);
      expect(now.ratePerSecond).toBeGreaterThan(0);
      expect(now.last?.status).toBe(201);
    }
    expect(edge(after, { from: 'platform-k8s-dev', to: 'service-manager' })!.total).toBe(
      edge(before, { from: 'platform-k8s-dev', to: 'service-manager' })!.total,
    );
  });

  it("counts a broker's 500 as an error of the SM → broker edge", async () => {
    const before = edge(await landscape(), SM_TO_SAMPLE)!;
    const fault = await call('POST', '/api/sample-broker/faults', {
      kind: 'status',
      status: 500,
      operations: ['provision'],
      times: 1,
    });
    expect(fault.status).toBe(201);
    expect(await provision('faulted')).not.toBe(201);
    const after = edge(await landscape(), SM_TO_SAMPLE)!;
    expect(after.errors - before.errors).toBe(1);
    expect(after.last?.status).not.toBe(201);
  });

  it('shows a broker registered with PUT /api/brokers with its catalog fetch, never its password, and drops it once removed', async () => {
    const broker = await startFakeBroker({ catalog: validCatalog(['tiny']) });
    try {
      const registered = await call('PUT', '/api/brokers/extra', {
        url: broker.url,
        username: 'extra-user',
        password: PASSWORD,
      });
      expect(registered.status).toBe(201);
      const response = await fetch(`${control}/api/landscape`);
      const text = await response.text();
      expect(text).not.toContain(PASSWORD);
      const view = JSON.parse(text) as LandscapeView;
      expect(view.nodes.find((node) => node.id === 'broker-extra')).toEqual({
        id: 'broker-extra',
        kind: 'broker',
        name: 'extra',
        url: broker.url,
        username: 'extra-user',
      });
      expect(edge(view, { from: 'service-manager', to: 'broker-extra' })).toMatchObject({
        total: broker.state.calls,
        errors: 0,
        last: { status: 200 },
      });

      expect((await call('DELETE', '/api/brokers/extra')).status).toBe(200);
      const gone = await landscape();
      expect(gone.nodes.map((node) => node.id)).not.toContain('broker-extra');
      expect(edge(gone, { from: 'service-manager', to: 'broker-extra' })).toBeUndefined();
    } finally {
      await broker.close();
    }
  });

  it('leaves imported calls out: importing a HAR of this traffic counts nothing', async () => {
    const before = await landscape();
    const har = await (await fetch(`${control}/api/traffic.har`)).json();
    expect(har.log.entries.length).toBeGreaterThan(0);
    expect((await call('POST', '/api/traffic/import', har)).status).toBeLessThan(300);
    const after = await landscape();
    expect(after.edges.map((counted) => counted.total)).toEqual(before.edges.map((counted) => counted.total));
  });

  it('starts the counts again when the traffic is cleared', async () => {
    expect(edge(await landscape(), CF_TO_SM)!.total).toBeGreaterThan(0);
    expect((await call('DELETE', '/api/flows')).status).toBeLessThan(300);
    expect(edge(await landscape(), CF_TO_SM)).toMatchObject({ total: 0, errors: 0, p50Ms: null });
  });
});
