import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bindingContext,
  instanceContext,
  type PlatformType,
  profiles,
} from '../../main/core/platform/profiles';
import { SAMPLE_IDS } from '../../main/core/sample-broker/ids';
import type { LoggedRequest } from '../../main/core/sample-broker/request-log';
import {
  eventually,
  identityOf,
  type PlatformSimulator,
  startPlatformSimulator,
} from '../helpers/platform-harness';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let sim: PlatformSimulator;

beforeAll(async () => {
  sim = await startPlatformSimulator({
    config: {
      sampleBroker: { asyncDelayMs: 1200, retryAfterSeconds: 1 },
      platforms: [
        { name: 'cf-dev', type: 'cloudfoundry', pollIntervalSeconds: 0.1 },
        { name: 'k8s-dev', type: 'kubernetes', pollIntervalSeconds: 0.1 },
      ],
    },
  });
});
afterAll(() => sim?.cleanup());

const find = (log: LoggedRequest[], method: string, path: string) => {
  const found = log.find((request) => request.method === method && request.path === path);
  if (!found) throw new Error(`the broker got no ${method} ${path}`);
  return found as LoggedRequest & { body: Record<string, unknown> };
};

describe('the platforms', () => {
  it('are listed by /api/endpoints and registered in the SM', async () => {
    const listed = sim.simulator.endpoints.platforms;
    expect(listed.map(({ name, type }) => ({ name, type }))).toEqual([
      { name: 'cf-dev', type: 'cloudfoundry' },
      { name: 'k8s-dev', type: 'kubernetes' },
    ]);
    const registered = await sim.smCall('GET', '/v1/platforms');
    for (const platform of listed) {
      expect(platform.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(platform.proxyCredentials.password.length).toBeGreaterThan(10);
      expect(registered.body.items).toContainEqual(
        expect.objectContaining({ id: platform.id, name: platform.name }),
      );
    }
    const status = await sim.call('GET', `${sim.control}/api/platforms`);
    expect(status.body.items[0]).toMatchObject({ name: 'cf-dev', connection: 'connected', brokers: 1 });
  });
});

describe.each([
  ['cf-dev', 'cloudfoundry'],
  ['k8s-dev', 'kubernetes'],
] as const)('platform %s (%s profile)', (name, type: PlatformType) => {
  const profile = profiles[type];

  it('provisions, updates, binds, unbinds and deprovisions with its context and identity', async () => {
    await sim.clearBroker();
    const api = sim.platform(name);
    const created = await api('POST', '/service_instances', {
      name: `db-${name}`,
      service: 'sample-db',
      plan: 'small',
      parameters: { size: 1 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: `db-${name}`,
      service: 'sample-db',
      plan: 'small',
      state: 'succeeded',
    });
    const id = created.body.id as string;
    const updated = await api('PATCH', `/service_instances/${id}`, {
      plan: 'large',
      parameters: { size: 2 },
    });
    expect(updated).toMatchObject({
      status: 200,
      body: { plan: 'large', parameters: { size: 2 }, state: 'succeeded' },
    });
    const bound = await api('POST', '/service_bindings', { name: 'app', service_instance_id: id });
    expect(bound).toMatchObject({ status: 201, body: { state: 'succeeded', credentials: { port: 5432 } } });
    const bindingId = bound.body.id as string;
    expect((await api('DELETE', `/service_bindings/${bindingId}`)).status).toBe(200);
    expect((await api('DELETE', `/service_instances/${id}`)).status).toBe(200);
    expect((await api('GET', `/service_instances/${id}`)).status).toBe(404);

    const log = await sim.brokerRequests();
    const path = `/v2/service_instances/${id}`;
    const context = instanceContext(profile, profile.defaults(name), `db-${name}`);
    const identity = { platform: type, user: profile.user(name) };
    const provision = find(log, 'PUT', path);
    expect(provision.query).toEqual({ accepts_incomplete: 'true' });
    expect(provision.body).toMatchObject({
      service_id: SAMPLE_IDS.db.service,
      plan_id: SAMPLE_IDS.db.small,
      context,
      parameters: { size: 1 },
    });
    expect(provision.body.context).toEqual(context);
    const update = find(log, 'PATCH', path);
    expect(update.body).toEqual({
      service_id: SAMPLE_IDS.db.service,
      plan_id: SAMPLE_IDS.db.large,
      context,
      parameters: { size: 2 },
      previous_values: expect.objectContaining({
        service_id: SAMPLE_IDS.db.service,
        plan_id: SAMPLE_IDS.db.small,
      }),
    });
    const bind = find(log, 'PUT', `${path}/service_bindings/${bindingId}`);
    expect(bind.body.context).toEqual(bindingContext(profile, context));
    if (type === 'cloudfoundry')
      expect((bind.body.bind_resource as { app_guid: string }).app_guid).toMatch(GUID);
    else expect(bind.body.bind_resource).toBeUndefined();
    const unbind = find(log, 'DELETE', `${path}/service_bindings/${bindingId}`);
    const deprovision = find(log, 'DELETE', path);
    for (const request of [unbind, deprovision]) {
      expect(request.query).toEqual({
        accepts_incomplete: 'true',
        service_id: SAMPLE_IDS.db.service,
        plan_id: SAMPLE_IDS.db.large,
      });
    }
    for (const request of [provision, update, bind, unbind, deprovision]) {
      expect(request.headers['x-broker-api-version']).toBe('2.17');
      expect(request.headers['x-broker-api-request-identity']).toMatch(GUID);
      expect(identityOf(request)).toEqual(identity);
    }
  });

  it('polls an asynchronous provision as Retry-After says', async () => {
    await sim.clearBroker();
    const api = sim.platform(name);
    const created = await api('POST', '/service_instances', {
      name: `async-${name}`,
      service: 'sample-async',
      plan: 'standard',
    });
    expect(created).toMatchObject({
      status: 202,
      body: { state: 'in progress', last_operation: { type: 'create' } },
    });
    const id = created.body.id as string;
    await eventually(
      async () => (await api('GET', `/service_instances/${id}`)).body.state === 'succeeded',
      'provisioned',
    );
    const polls = (await sim.brokerRequests()).filter(
      (request) => request.path === `/v2/service_instances/${id}/last_operation`,
    );
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls[0]!.query).toMatchObject({
      service_id: SAMPLE_IDS.async.service,
      plan_id: SAMPLE_IDS.async.standard,
    });
    expect(polls[0]!.query.operation).toEqual(expect.any(String));
    expect(identityOf(polls[0]!)).toBeUndefined();
    for (let index = 1; index < polls.length; index++) {
      const gap = Date.parse(polls[index]!.at) - Date.parse(polls[index - 1]!.at);
      expect(gap).toBeGreaterThanOrEqual(950);
    }
    expect((await api('DELETE', `/service_instances/${id}`)).status).toBe(202);
    // Its polls must not spill into the next test's broker log.
    await eventually(
      async () => (await api('GET', `/service_instances/${id}`)).status === 404,
      'deprovisioned',
    );
  });
});

describe('platform rules and errors', () => {
  const cf = () => sim.platform('cf-dev');

  it('never binds a non-bindable plan, never changes a plan that is not plan_updateable', async () => {
    await sim.clearBroker();
    const logs = await cf()('POST', '/service_instances', {
      name: 'logs',
      service: 'sample-logs',
      plan: 'basic',
    });
    const bind = await cf()('POST', '/service_bindings', { name: 'b', service_instance_id: logs.body.id });
    expect(bind).toMatchObject({
      status: 400,
      body: { description: expect.stringMatching(/^Platform cf-dev refused: .*not bindable/) },
    });
    const shared = await cf()('POST', '/service_instances', {
      name: 'shared',
      service: 'sample-db',
      plan: 'shared',
    });
    const change = await cf()('PATCH', `/service_instances/${shared.body.id}`, { plan: 'small' });
    expect(change).toMatchObject({
      status: 400,
      body: { description: expect.stringMatching(/not plan_updateable/) },
    });
    const log = await sim.brokerRequests();
    expect(
      log.filter((request) => request.method !== 'PUT' || request.path.includes('service_bindings')),
    ).toEqual([]);
    for (const id of [logs.body.id, shared.body.id]) await cf()('DELETE', `/service_instances/${id}`);
  });

  it('sends a rename only where allow_context_updates is set', async () => {
    await sim.clearBroker();
    const configurable = await cf()('POST', '/service_instances', {
      name: 'conf',
      service: 'sample-configurable',
      plan: 'custom',
      parameters: { region: 'eu', size: 2 },
    });
    expect(configurable.status).toBe(201);
    const local = await cf()('PATCH', `/service_instances/${configurable.body.id}`, { name: 'conf-2' });
    expect(local).toMatchObject({
      status: 200,
      body: { name: 'conf-2', context: { instance_name: 'conf-2' } },
    });
    const db = await cf()('POST', '/service_instances', {
      name: 'db-rename',
      service: 'sample-db',
      plan: 'small',
    });
    const renamed = await cf()('PATCH', `/service_instances/${db.body.id}`, { name: 'db-renamed' });
    expect(renamed).toMatchObject({ status: 200, body: { name: 'db-renamed' } });
    const patches = (await sim.brokerRequests()).filter((request) => request.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0]!.path).toBe(`/v2/service_instances/${db.body.id}`);
    expect(patches[0]!.body).not.toHaveProperty('plan_id');
    expect(patches[0]!.body).toMatchObject({ context: { instance_name: 'db-renamed' } });
    for (const id of [configurable.body.id, db.body.id]) await cf()('DELETE', `/service_instances/${id}`);
  });

  it("passes the SM's 412 on a bound instance through; recursive unbinds first", async () => {
    const db = await cf()('POST', '/service_instances', {
      name: 'bound',
      service: 'sample-db',
      plan: 'small',
    });
    await cf()('POST', '/service_bindings', { name: 'b', service_instance_id: db.body.id });
    const refused = await cf()('DELETE', `/service_instances/${db.body.id}`);
    expect(refused).toMatchObject({
      status: 412,
      body: { description: expect.stringMatching(/^The Service Manager refused: .*Unbind them first/) },
    });
    // Nothing changed at the broker: the instance is as it was, its last operation says why the delete failed.
    expect((await cf()('GET', `/service_instances/${db.body.id}`)).body).toMatchObject({
      state: 'succeeded',
      last_operation: { type: 'delete', state: 'failed', description: refused.body.description },
    });
    expect((await cf()('DELETE', `/service_instances/${db.body.id}?recursive=true`)).status).toBe(200);
    expect((await cf()('GET', '/service_bindings')).body.items).toEqual([]);
  });

  it('names the broker when the broker refused', async () => {
    await sim.addFault({
      kind: 'status',
      status: 409,
      planId: SAMPLE_IDS.db.small,
      operations: ['provision'],
      times: 1,
    });
    const refused = await cf()('POST', '/service_instances', {
      name: 'conflict',
      service: 'sample-db',
      plan: 'small',
    });
    expect(refused).toMatchObject({
      status: 409,
      body: { description: expect.stringMatching(/^Broker "sample" answered 409: /) },
    });
    expect((await cf()('GET', '/service_instances')).body.items).toEqual([]);
  });

  it('refuses an update, a bind and a deprovision itself while an operation of the instance runs', async () => {
    await sim.clearBroker();
    const created = await cf()('POST', '/service_instances', {
      name: 'busy',
      service: 'sample-async',
      plan: 'standard',
    });
    expect(created.status).toBe(202);
    const id = created.body.id as string;
    const refused = {
      status: 409,
      body: {
        error: 'OperationInProgress',
        description:
          'Platform cf-dev refused: a create of service instance "busy" is still in progress; try again when it ends.',
      },
    };
    expect(await cf()('PATCH', `/service_instances/${id}`, { parameters: { size: 2 } })).toMatchObject(
      refused,
    );
    expect(await cf()('POST', '/service_bindings', { name: 'b', service_instance_id: id })).toMatchObject(
      refused,
    );
    expect(await cf()('DELETE', `/service_instances/${id}`)).toMatchObject(refused);
    const sent = (await sim.brokerRequests()).filter((request) => !request.path.endsWith('/last_operation'));
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
      `PUT /v2/service_instances/${id}`,
    ]);
    const state = async () => (await cf()('GET', `/service_instances/${id}`)).body.state;
    await expect.poll(state, { timeout: 10_000, interval: 100 }).toBe('succeeded');
    expect((await cf()('DELETE', `/service_instances/${id}`)).status).toBe(202);
    const status = async () => (await cf()('GET', `/service_instances/${id}`)).status;
    await expect.poll(status, { timeout: 10_000, interval: 100 }).toBe(404);
  });

  it('refuses unknown services and plans itself', async () => {
    const unknown = await cf()('POST', '/service_instances', {
      name: 'x',
      service: 'sample-db',
      plan: 'huge',
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: { description: expect.stringMatching(/^Platform cf-dev refused: .*no plan "huge"/) },
    });
  });
});
