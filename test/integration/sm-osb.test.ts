import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_IDS } from '../../main/core/sample-broker/ids';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

let t: TestSimulator;
let brokerId: string;
const platforms: Record<string, { id: string; auth: string }> = {};

beforeAll(async () => {
  t = await startTestSimulator({
    config: {
      sampleBroker: { asyncDelayMs: 50, retryAfterSeconds: 0 },
      serviceManager: { brokerTimeoutMs: 400 },
    },
  });
  const brokers = await t.smCall('GET', '/v1/service_brokers');
  brokerId = brokers.body.items.find((broker: { name: string }) => broker.name === 'sample').id;
  for (const [name, type] of [
    ['osb-k8s', 'kubernetes'],
    ['osb-cf', 'cloudfoundry'],
    ['osb-other', 'kubernetes'],
  ]) {
    const created = await t.smCall('POST', '/v1/platforms', { name, type });
    const { username, password } = created.body.credentials.basic;
    platforms[name] = { id: created.body.id, auth: t.basic(username, password) };
  }
});
afterAll(() => t.cleanup());

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${t.simulator.endpoints.control.url}/api/sample-broker${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
beforeEach(async () => {
  await control('DELETE', '/faults');
});

let counter = 0;
const newId = (prefix: string) => `${prefix}-${Date.now()}-${++counter}`;

/** One OSB call through the SM as a platform's broker proxy. */
async function osb(
  platform: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${t.smUrl}/v1/osb/${brokerId}/v2${path}`, {
    method,
    headers: {
      Authorization: platforms[platform]!.auth,
      'X-Broker-API-Version': '2.17',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

const k8sContext = { platform: 'kubernetes', namespace: 'ns', clusterid: 'c1', instance_name: 'it-db' };
/** A Kubernetes platform's placeholders for the REQUIRED top-level guids: its cluster id and namespace. */
const k8sGuids = { organization_guid: 'c1', space_guid: 'ns' };
const provisionBody = (plan: keyof typeof SAMPLE_IDS.db = 'small') => ({
  service_id: SAMPLE_IDS.db.service,
  plan_id: SAMPLE_IDS.db[plan],
  context: k8sContext,
  ...k8sGuids,
});
const planQuery = `service_id=${SAMPLE_IDS.db.service}&plan_id=${SAMPLE_IDS.db.small}`;

describe('the OSB route /v1/osb/:broker_id/v2', () => {
  it('answers 401 with an OSB error body without or with wrong platform credentials', async () => {
    const missing = await fetch(`${t.smUrl}/v1/osb/${brokerId}/v2/catalog`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ description: expect.any(String) });
    const admin = await fetch(`${t.smUrl}/v1/osb/${brokerId}/v2/catalog`, {
      headers: { Authorization: t.adminAuth },
    });
    expect(admin.status).toBe(401);
  });

  it('answers 404 for an unknown broker', async () => {
    const response = await fetch(`${t.smUrl}/v1/osb/nope/v2/catalog`, {
      headers: { Authorization: platforms['osb-k8s']!.auth },
    });
    expect(response.status).toBe(404);
  });

  it('serves the catalog with SM ids and echoes the request identity', async () => {
    const answer = await osb('osb-k8s', 'GET', '/catalog', undefined, {
      'X-Broker-API-Request-Identity': 'flow-cat',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-broker-api-request-identity')).toBe('flow-cat');
    const db = answer.body.services.find((service: { id: string }) => service.id === SAMPLE_IDS.db.service);
    expect(db.metadata.sm_offering_id).toEqual(expect.any(String));
    expect(db.plans[0].metadata.sm_plan_id).toEqual(expect.any(String));
  });

  it('provisions, binds, refuses deprovision with bindings (412), unbinds and deprovisions', async () => {
    const id = newId('inst');
    const created = await osb(
      'osb-k8s',
      'PUT',
      `/service_instances/${id}?accepts_incomplete=true`,
      provisionBody(),
      {
        'X-Broker-API-Request-Identity': 'flow-prov',
        'X-Broker-API-Originating-Identity': 'kubernetes eyJ1c2VybmFtZSI6ImEifQ==',
      },
    );
    expect(created.status).toBe(201);
    const requests = await (await control('GET', '/requests?limit=1')).json();
    expect(requests[0].headers).toMatchObject({
      'x-broker-api-request-identity': 'flow-prov',
      'x-broker-api-originating-identity': 'kubernetes eyJ1c2VybmFtZSI6ImEifQ==',
      'x-broker-api-version': '2.17',
    });
    expect(requests[0].query).toMatchObject({ accepts_incomplete: 'true' });

    const instance = await t.smCall('GET', `/v1/service_instances/${id}`);
    expect(instance.body).toMatchObject({
      ready: true,
      usable: true,
      platform_id: platforms['osb-k8s']!.id,
      name: 'it-db',
    });

    const bindingId = newId('bind');
    const bound = await osb(
      'osb-k8s',
      'PUT',
      `/service_instances/${id}/service_bindings/${bindingId}`,
      provisionBody(),
    );
    expect(bound.status).toBe(201);
    expect(bound.body.credentials).toBeDefined();
    const stored = await t.smCall('GET', `/v1/service_bindings/${bindingId}`);
    expect(JSON.stringify(stored.body)).not.toContain(JSON.stringify(bound.body.credentials));

    const blocked = await osb('osb-k8s', 'DELETE', `/service_instances/${id}?${planQuery}`);
    expect(blocked).toMatchObject({ status: 412, body: { error: 'PreconditionFailed' } });
    expect(
      (await osb('osb-k8s', 'DELETE', `/service_instances/${id}/service_bindings/${bindingId}?${planQuery}`))
        .status,
    ).toBe(200);
    expect((await osb('osb-k8s', 'DELETE', `/service_instances/${id}?${planQuery}`)).status).toBe(200);
    expect((await t.smCall('GET', `/v1/service_instances/${id}`)).status).toBe(404);
  });

  it('follows an async provision through last_operation', async () => {
    const id = newId('async');
    const body = {
      service_id: SAMPLE_IDS.async.service,
      plan_id: SAMPLE_IDS.async.standard,
      context: k8sContext,
      ...k8sGuids,
    };
    const accepted = await osb('osb-k8s', 'PUT', `/service_instances/${id}?accepts_incomplete=true`, body);
    expect(accepted.status).toBe(202);
    expect((await t.smCall('GET', `/v1/service_instances/${id}`)).body.ready).toBe(false);
    const lastOperation = `/service_instances/${id}/last_operation?operation=${accepted.body.operation ?? ''}`;
    await expect
      .poll(async () => (await osb('osb-k8s', 'GET', lastOperation)).body.state, {
        timeout: 5000,
        interval: 30,
      })
      .toBe('succeeded');
    expect((await t.smCall('GET', `/v1/service_instances/${id}`)).body).toMatchObject({ ready: true });
  });

  it('hides an instance from other platforms and needs an organization from Cloud Foundry', async () => {
    const id = newId('owned');
    await osb('osb-k8s', 'PUT', `/service_instances/${id}`, provisionBody());
    expect((await osb('osb-other', 'GET', `/service_instances/${id}`)).status).toBe(404);
    const cf = await osb('osb-cf', 'PUT', `/service_instances/${newId('cf')}`, {
      ...provisionBody(),
      context: { platform: 'cloudfoundry' },
    });
    expect(cf.status).toBe(400);
  });

  it('answers 502 when the broker is down and 504 when it hangs', async () => {
    await control('POST', '/faults', { kind: 'down', operations: ['provision'] });
    const down = await osb('osb-k8s', 'PUT', `/service_instances/${newId('down')}`, provisionBody());
    expect(down).toMatchObject({
      status: 502,
      body: { error: 'ServiceBrokerErr', description: expect.stringContaining('"sample"') },
    });
    await control('DELETE', '/faults');
    await control('POST', '/faults', { kind: 'timeout', operations: ['provision'] });
    const hung = await osb('osb-k8s', 'PUT', `/service_instances/${newId('hang')}`, provisionBody());
    expect(hung).toMatchObject({ status: 504, body: { error: 'ServiceBrokerTimeout' } });
  });

  it("passes a broker error back unchanged, marked as the broker's", async () => {
    await control('POST', '/faults', {
      kind: 'status',
      status: 500,
      operations: ['provision'],
      description: 'disk full',
    });
    const failed = await osb('osb-k8s', 'PUT', `/service_instances/${newId('err')}`, provisionBody());
    expect(failed).toMatchObject({ status: 500, body: { description: 'disk full' } });
    expect(failed.headers.get('x-smsim-answered-by')).toBe('broker');
  });
});

describe('operations API', () => {
  it('lists operations and shows one by resource; unknown ones are 404', async () => {
    const id = newId('ops');
    await osb('osb-k8s', 'PUT', `/service_instances/${id}`, provisionBody());
    const listed = await t.smCall(
      'GET',
      `/v1/operations?fieldQuery=${encodeURIComponent(`resource_id eq '${id}'`)}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({
      num_items: 1,
      items: [{ type: 'create', state: 'succeeded', resource_id: id }],
    });
    const operationId = listed.body.items[0].id;
    const one = await t.smCall('GET', `/v1/service_instances/${id}/operations/${operationId}`);
    expect(one.body).toMatchObject({ id: operationId, platform_id: platforms['osb-k8s']!.id });
    expect((await t.smCall('GET', `/v1/service_instances/${id}/operations/nope`)).status).toBe(404);
    expect((await t.smCall('GET', `/v1/service_bindings/${id}/operations/${operationId}`)).status).toBe(404);
    const asOther = await t.smCall(
      'GET',
      `/v1/service_instances/${id}/operations/${operationId}`,
      undefined,
      platforms['osb-other']!.auth,
    );
    expect(asOther.status).toBe(404);
  });
});
