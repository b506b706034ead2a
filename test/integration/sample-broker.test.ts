import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Catalog, SAMPLE_IDS } from '../../main/core/sample-broker';
import {
  OSB_HEADERS,
  pollLastOperation,
  type SampleBrokerHarness,
  startSampleBroker,
} from '../helpers/sample-broker-harness';
import { tempDir } from '../helpers/temp-dir';

const DB = { service_id: SAMPLE_IDS.db.service, plan_id: SAMPLE_IDS.db.small };
const ASYNC = { service_id: SAMPLE_IDS.async.service, plan_id: SAMPLE_IDS.async.standard };
const CONFIGURABLE = { service_id: SAMPLE_IDS.configurable.service, plan_id: SAMPLE_IDS.configurable.custom };
const AGENT = { service_id: SAMPLE_IDS.appAgent.service, plan_id: SAMPLE_IDS.appAgent.agent };
const LOGS = { service_id: SAMPLE_IDS.logs.service, plan_id: SAMPLE_IDS.logs.basic };
const CONTEXT = {
  platform: 'cloudfoundry',
  organization_guid: 'org',
  space_guid: 'space',
  instance_name: 'db',
};
/** The top-level guids every provision carries (REQUIRED by the spec). */
const GUIDS = { organization_guid: 'org', space_guid: 'space' };
const query = (ids: { service_id: string; plan_id: string }, extra = '') =>
  `service_id=${ids.service_id}&plan_id=${ids.plan_id}${extra}`;

let broker: SampleBrokerHarness;
let removeDir: () => Promise<void>;
let dataDir: string;

beforeEach(async () => {
  const dir = await tempDir('smsim-sample-broker-');
  dataDir = dir.path;
  removeDir = dir.remove;
  broker = await startSampleBroker(dataDir);
});

afterEach(async () => {
  await broker.stop();
  await removeDir();
});

describe('sample broker: every request', () => {
  it('serves a stable catalog and echoes the request identity', async () => {
    const first = await broker.osb('GET', '/v2/catalog', {
      headers: { 'x-broker-api-request-identity': 'id-1' },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-broker-api-request-identity')).toBe('id-1');
    const { services } = first.json as unknown as Catalog;
    expect(services.map((service) => service.name)).toEqual([
      'sample-db',
      'sample-async',
      'sample-logs',
      'sample-configurable',
      'sample-app-agent',
    ]);
    const db = services[0]!;
    expect(db.id).toBe(SAMPLE_IDS.db.service);
    expect(db.plans.find((plan) => plan.name === 'shared')?.metadata?.supportsInstanceSharing).toBe(true);
    expect(services[1]!.plans[0]!.maximum_polling_duration).toBeGreaterThan(0);
    expect(services[2]!.bindable).toBe(false);
    expect(services[3]!.plans[0]!.schemas?.service_instance?.create?.parameters?.$schema).toMatch(
      /json-schema/,
    );
    expect((await broker.osb('GET', '/v2/catalog')).json).toEqual(first.json);
  });

  it('refuses missing or wrong credentials with 401 and a description', async () => {
    const none = await broker.osb('GET', '/v2/catalog', { headers: { authorization: undefined } });
    expect(none.status).toBe(401);
    expect(none.json.description).toEqual(expect.any(String));
    const wrong = await broker.osb('GET', '/v2/catalog', {
      headers: { authorization: 'Basic d3Jvbmc6d3Jvbmc=' },
    });
    expect(wrong.status).toBe(401);
  });

  it('answers 412 without a version header or with an unsupported version', async () => {
    for (const version of [undefined, '2.16', '3.0', 'latest']) {
      const reply = await broker.osb('GET', '/v2/catalog', { headers: { 'x-broker-api-version': version } });
      expect(reply.status, String(version)).toBe(412);
      expect(reply.json.description).toMatch(/2\.17/);
    }
    expect(
      (await broker.osb('GET', '/v2/catalog', { headers: { 'x-broker-api-version': '2.18' } })).status,
    ).toBe(200);
  });

  it('answers 400 to malformed JSON and 413 to a body over 1 MiB, and stays up', async () => {
    const malformed = await broker.osb('PUT', '/v2/service_instances/x', { rawBody: '{"service_id": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.description).toMatch(/not valid JSON/);
    const huge = JSON.stringify({ ...DB, parameters: { blob: 'x'.repeat(1024 * 1024) } });
    expect((await broker.osb('PUT', '/v2/service_instances/x', { rawBody: huge })).status).toBe(413);
    expect((await broker.osb('PUT', '/v2/service_instances/x', { rawBody: '"a string"' })).status).toBe(400);
    expect((await broker.osb('GET', '/v2/catalog')).status).toBe(200);
  });
});

describe('sample broker: a synchronous service', () => {
  it('provisions, updates, binds, unbinds and deprovisions', async () => {
    const path = '/v2/service_instances/db-1';
    const created = await broker.osb('PUT', path, {
      body: { ...DB, ...GUIDS, context: CONTEXT, unknown_field: 1 },
    });
    expect(created.status).toBe(201);
    expect(created.json.dashboard_url).toBe(`${broker.url}/dashboard/db-1`);
    expect((await fetch(created.json.dashboard_url as string)).status).toBe(200);

    const fetched = await broker.osb('GET', path);
    expect(fetched.status).toBe(200);
    expect(fetched.json).toMatchObject({ ...DB, parameters: {}, maintenance_info: { version: '1.2.0' } });

    expect((await broker.osb('PUT', path, { body: { ...DB, ...GUIDS, context: CONTEXT } })).status).toBe(200);
    const conflicting = await broker.osb('PUT', path, {
      body: { ...DB, ...GUIDS, plan_id: SAMPLE_IDS.db.large },
    });
    expect(conflicting.status).toBe(409);

    const updated = await broker.osb('PATCH', path, {
      body: { service_id: DB.service_id, plan_id: SAMPLE_IDS.db.large },
    });
    expect(updated).toMatchObject({ status: 200, json: {} });
    expect((await broker.osb('GET', path)).json.plan_id).toBe(SAMPLE_IDS.db.large);
    const large = { ...DB, plan_id: SAMPLE_IDS.db.large };

    const bindingPath = `${path}/service_bindings/b-1`;
    const bound = await broker.osb('PUT', bindingPath, {
      body: { ...large, bind_resource: { app_guid: 'app-1' } },
    });
    expect(bound.status).toBe(201);
    const credentials = bound.json.credentials as Record<string, unknown>;
    expect(credentials).toMatchObject({
      uri: expect.stringMatching(/^sample:\/\//),
      username: expect.any(String),
    });
    expect(String(credentials.password).length).toBeGreaterThan(16);

    const again = await broker.osb('PUT', bindingPath, {
      body: { ...large, bind_resource: { app_guid: 'app-1' } },
    });
    expect(again.status).toBe(200);
    expect(again.json.credentials).toEqual(credentials);
    const other = await broker.osb('PUT', bindingPath, {
      body: { ...large, bind_resource: { app_guid: 'app-2' } },
    });
    expect(other.status).toBe(409);

    const binding = await broker.osb('GET', bindingPath);
    expect(binding.status).toBe(200);
    expect(binding.json.credentials).toEqual(credentials);

    expect((await broker.osb('DELETE', `${bindingPath}?${query(large)}`)).status).toBe(200);
    expect((await broker.osb('DELETE', `${bindingPath}?${query(large)}`)).status).toBe(410);
    expect((await broker.osb('GET', bindingPath)).status).toBe(404);

    expect((await broker.osb('DELETE', `${path}?${query(large)}`)).status).toBe(200);
    expect(await broker.osb('DELETE', `${path}?${query(large)}`)).toMatchObject({ status: 410, json: {} });
    expect((await broker.osb('GET', path)).status).toBe(404);
  });

  it('keeps plan and parameters an update omits, and refuses a change the plan does not allow', async () => {
    const path = '/v2/service_instances/shared-1';
    const shared = { ...DB, ...GUIDS, plan_id: SAMPLE_IDS.db.shared };
    expect((await broker.osb('PUT', path, { body: { ...shared, parameters: { a: 1 } } })).status).toBe(201);
    const contextOnly = await broker.osb('PATCH', path, {
      body: { service_id: DB.service_id, context: CONTEXT },
    });
    expect(contextOnly.status).toBe(200);
    expect((await broker.osb('GET', path)).json).toMatchObject({
      plan_id: shared.plan_id,
      parameters: { a: 1 },
    });

    const refused = await broker.osb('PATCH', path, {
      body: { service_id: DB.service_id, plan_id: DB.plan_id },
    });
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ instance_usable: true, update_repeatable: false });
    const foreign = await broker.osb('PATCH', path, {
      body: { service_id: DB.service_id, plan_id: ASYNC.plan_id },
    });
    expect(foreign.status).toBe(400);
    expect((await broker.osb('PATCH', path, { body: { plan_id: DB.plan_id } })).status).toBe(400);
  });

  it('answers 400 to a provision without organization_guid or space_guid (REQUIRED) and creates nothing', async () => {
    const path = '/v2/service_instances/no-guids';
    for (const body of [
      { ...DB, context: CONTEXT },
      { ...DB, context: CONTEXT, organization_guid: 'org' },
      { ...DB, context: CONTEXT, space_guid: 'space' },
      { ...DB, context: CONTEXT, organization_guid: '', space_guid: 'space' },
    ]) {
      const refused = await broker.osb('PUT', path, { body });
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({
        error: 'BadRequest',
        description: expect.stringMatching(/_guid/),
      });
    }
    expect((await broker.osb('GET', path)).status).toBe(404);
    // A Kubernetes platform sends placeholders (its cluster id and namespace): accepted.
    const k8s = { platform: 'kubernetes', namespace: 'ns', clusterid: 'c1', instance_name: 'db' };
    const placeholders = { organization_guid: 'c1', space_guid: 'ns' };
    expect((await broker.osb('PUT', path, { body: { ...DB, ...placeholders, context: k8s } })).status).toBe(
      201,
    );
  });

  it('answers 400 to missing or unknown ids and 410 to deleting what does not exist', async () => {
    const path = '/v2/service_instances/bad';
    expect((await broker.osb('PUT', path, { body: { plan_id: DB.plan_id } })).status).toBe(400);
    expect((await broker.osb('PUT', path, { body: { service_id: DB.service_id } })).status).toBe(400);
    const unknownService = await broker.osb('PUT', path, { body: { ...DB, ...GUIDS, service_id: 'nope' } });
    expect(unknownService.status).toBe(400);
    expect(unknownService.json.description).toMatch(/service_id nope/);
    expect((await broker.osb('PUT', path, { body: { ...DB, ...GUIDS, plan_id: 'nope' } })).status).toBe(400);

    expect((await broker.osb('DELETE', path)).status).toBe(400);
    expect((await broker.osb('DELETE', `${path}?service_id=${DB.service_id}`)).status).toBe(400);
    expect((await broker.osb('DELETE', `${path}?${query(DB)}`)).status).toBe(410);
    expect((await broker.osb('DELETE', `${path}/service_bindings/b?${query(DB)}`)).status).toBe(410);
    expect((await broker.osb('GET', path)).status).toBe(404);
    expect((await broker.osb('GET', `${path}/last_operation`)).status).toBe(404);
    expect((await broker.osb('GET', `${path}/service_bindings/b`)).status).toBe(404);
    expect((await broker.osb('GET', `${path}/service_bindings/b/last_operation`)).status).toBe(404);
  });

  it('checks maintenance_info', async () => {
    const stale = await broker.osb('PUT', '/v2/service_instances/m-1', {
      body: { ...DB, ...GUIDS, maintenance_info: { version: '1.1.0' } },
    });
    expect(stale).toMatchObject({ status: 422, json: { error: 'MaintenanceInfoConflict' } });
    const none = await broker.osb('PUT', '/v2/service_instances/m-1', {
      body: { ...DB, ...GUIDS, plan_id: SAMPLE_IDS.db.shared, maintenance_info: { version: '1.2.0' } },
    });
    expect(none).toMatchObject({ status: 422, json: { error: 'MaintenanceInfoConflict' } });
    const current = { ...DB, ...GUIDS, maintenance_info: { version: '1.2.0' } };
    expect((await broker.osb('PUT', '/v2/service_instances/m-1', { body: current })).status).toBe(201);
    const staleUpdate = await broker.osb('PATCH', '/v2/service_instances/m-1', {
      body: { service_id: DB.service_id, maintenance_info: { version: '1.0.0' } },
    });
    expect(staleUpdate).toMatchObject({ status: 422, json: { error: 'MaintenanceInfoConflict' } });
  });

  it('validates parameters against the plan schemas', async () => {
    const path = '/v2/service_instances/conf-1';
    const invalid = await broker.osb('PUT', path, {
      body: { ...CONFIGURABLE, ...GUIDS, parameters: { size: 99 } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.description).toMatch(/region/);
    expect(invalid.json.description).toMatch(/\/size must be <= 10/);
    const badEmail = await broker.osb('PUT', path, {
      body: { ...CONFIGURABLE, ...GUIDS, parameters: { region: 'eu', owner: 'x' } },
    });
    expect(badEmail.status).toBe(400);
    const valid = await broker.osb('PUT', path, {
      body: { ...CONFIGURABLE, ...GUIDS, parameters: { region: 'eu', size: 2 } },
    });
    expect(valid.status).toBe(201);

    const badUpdate = await broker.osb('PATCH', path, {
      body: { service_id: CONFIGURABLE.service_id, parameters: { region: 'us' } },
    });
    expect(badUpdate.status).toBe(400);
    const update = await broker.osb('PATCH', path, {
      body: { service_id: CONFIGURABLE.service_id, parameters: { size: 3 } },
    });
    expect(update.status).toBe(200);
    expect((await broker.osb('GET', path)).json.parameters).toEqual({ region: 'eu', size: 3 });

    const badBind = await broker.osb('PUT', `${path}/service_bindings/b`, {
      body: { ...CONFIGURABLE, parameters: { role: 'root' } },
    });
    expect(badBind.status).toBe(400);
    const bind = await broker.osb('PUT', `${path}/service_bindings/b`, {
      body: { ...CONFIGURABLE, parameters: { role: 'write' } },
    });
    expect(bind.status).toBe(201);
    expect((bind.json.credentials as Record<string, unknown>).role).toBe('write');
  });

  it('refuses bindings of a non-bindable plan (400) and app-less bindings of an app service (422 RequiresApp)', async () => {
    expect(
      (await broker.osb('PUT', '/v2/service_instances/logs-1', { body: { ...LOGS, ...GUIDS } })).status,
    ).toBe(201);
    expect(
      (await broker.osb('PUT', '/v2/service_instances/logs-1/service_bindings/b', { body: LOGS })).status,
    ).toBe(400);
    expect((await broker.osb('GET', '/v2/service_instances/logs-1')).status).toBe(400);

    expect(
      (await broker.osb('PUT', '/v2/service_instances/agent-1', { body: { ...AGENT, ...GUIDS } })).status,
    ).toBe(201);
    const appless = await broker.osb('PUT', '/v2/service_instances/agent-1/service_bindings/b', {
      body: AGENT,
    });
    expect(appless).toMatchObject({ status: 422, json: { error: 'RequiresApp' } });
    const withApp = await broker.osb('PUT', '/v2/service_instances/agent-1/service_bindings/b', {
      body: { ...AGENT, bind_resource: { app_guid: 'app-1' } },
    });
    expect(withApp.status).toBe(201);
    expect(withApp.json.syslog_drain_url).toMatch(/^syslog-tls:\/\//);
  });
});

describe('sample broker: an asynchronous service', () => {
  it('provisions, updates, binds, unbinds and deprovisions with 202 and last_operation', async () => {
    const path = '/v2/service_instances/async-1';
    expect((await broker.osb('PUT', path, { body: { ...ASYNC, ...GUIDS } })).json.error).toBe(
      'AsyncRequired',
    );
    const accepted = await broker.osb('PUT', `${path}?accepts_incomplete=true`, {
      body: { ...ASYNC, ...GUIDS },
    });
    expect(accepted.status).toBe(202);
    const operation = accepted.json.operation as string;
    expect(operation.length).toBeLessThanOrEqual(10_000);
    expect(accepted.json.dashboard_url).toEqual(expect.any(String));
    const resent = await broker.osb('PUT', `${path}?accepts_incomplete=true`, {
      body: { ...ASYNC, ...GUIDS },
    });
    expect(resent).toMatchObject({ status: 202, json: { operation } });
    expect((await broker.osb('GET', path)).status).toBe(404);

    const concurrent = await broker.osb('PATCH', `${path}?accepts_incomplete=true`, {
      body: { service_id: ASYNC.service_id },
    });
    expect(concurrent).toMatchObject({ status: 422, json: { error: 'ConcurrencyError' } });
    const deleteEarly = await broker.osb('DELETE', `${path}?${query(ASYNC, '&accepts_incomplete=true')}`);
    expect(deleteEarly).toMatchObject({ status: 422, json: { error: 'ConcurrencyError' } });

    const polling = await broker.osb(
      'GET',
      `${path}/last_operation?${query(ASYNC, `&operation=${operation}`)}`,
    );
    expect(polling).toMatchObject({ status: 200, json: { state: 'in progress' } });
    expect(polling.headers.get('retry-after')).toBe('1');
    const wrongOperation = await broker.osb('GET', `${path}/last_operation?operation=other`);
    expect(wrongOperation.status).toBe(400);
    expect(
      (await pollLastOperation(broker, `${path}/last_operation?operation=${operation}`)).json.state,
    ).toBe('succeeded');
    expect((await broker.osb('GET', `${path}/last_operation?operation=${operation}`)).json.state).toBe(
      'succeeded',
    );
    expect((await broker.osb('GET', path)).status).toBe(200);
    expect(
      (await broker.osb('PUT', `${path}?accepts_incomplete=true`, { body: { ...ASYNC, ...GUIDS } })).status,
    ).toBe(200);

    const premium = { ...ASYNC, plan_id: SAMPLE_IDS.async.premium };
    const updating = await broker.osb('PATCH', `${path}?accepts_incomplete=true`, { body: premium });
    expect(updating.status).toBe(202);
    expect((await broker.osb('GET', path)).json.plan_id).toBe(ASYNC.plan_id);
    const updated = await pollLastOperation(
      broker,
      `${path}/last_operation?operation=${updating.json.operation}`,
    );
    expect(updated.json.state).toBe('succeeded');
    expect((await broker.osb('GET', path)).json.plan_id).toBe(premium.plan_id);

    const bindingPath = `${path}/service_bindings/ab-1`;
    expect((await broker.osb('PUT', bindingPath, { body: premium })).json.error).toBe('AsyncRequired');
    const binding = await broker.osb('PUT', `${bindingPath}?accepts_incomplete=true`, { body: premium });
    expect(binding.status).toBe(202);
    expect(binding.json.credentials).toBeUndefined();
    expect(
      (await broker.osb('PUT', `${bindingPath}?accepts_incomplete=true`, { body: premium })).json,
    ).toEqual(binding.json);
    expect((await broker.osb('GET', bindingPath)).status).toBe(404);
    const bound = await pollLastOperation(
      broker,
      `${bindingPath}/last_operation?operation=${binding.json.operation}`,
    );
    expect(bound.json.state).toBe('succeeded');
    const fetched = await broker.osb('GET', bindingPath);
    expect(fetched.status).toBe(200);
    expect(fetched.json.credentials).toMatchObject({ password: expect.any(String) });

    const unbinding = await broker.osb(
      'DELETE',
      `${bindingPath}?${query(premium, '&accepts_incomplete=true')}`,
    );
    expect(unbinding.status).toBe(202);
    expect((await pollLastOperation(broker, `${bindingPath}/last_operation`)).status).toBe(410);

    const deleting = await broker.osb('DELETE', `${path}?${query(premium, '&accepts_incomplete=true')}`);
    expect(deleting.status).toBe(202);
    const again = await broker.osb('DELETE', `${path}?${query(premium, '&accepts_incomplete=true')}`);
    expect(again).toMatchObject({ status: 202, json: { operation: deleting.json.operation } });
    const deleted = await pollLastOperation(
      broker,
      `${path}/last_operation?operation=${deleting.json.operation}`,
    );
    expect(deleted).toMatchObject({ status: 410, json: {} });
    expect((await broker.osb('GET', path)).status).toBe(404);
    expect((await broker.osb('DELETE', `${path}?${query(premium, '&accepts_incomplete=true')}`)).status).toBe(
      410,
    );
  });

  it('finishes an operation started before a restart (timing comes from timestamps)', async () => {
    const path = '/v2/service_instances/async-restart';
    const accepted = await broker.osb('PUT', `${path}?accepts_incomplete=true`, {
      body: { ...ASYNC, ...GUIDS },
    });
    expect(accepted.status).toBe(202);
    await broker.stop();
    broker = await startSampleBroker(dataDir);
    const done = await pollLastOperation(
      broker,
      `${path}/last_operation?operation=${accepted.json.operation}`,
    );
    expect(done.json.state).toBe('succeeded');
    expect((await broker.osb('GET', path)).json).toMatchObject(ASYNC);
  });
});

describe('sample broker: headers it needs are only the OSB ones', () => {
  it('refuses a body without content-type (415): a cross-site form could send one', async () => {
    const reply = await broker.osb('PUT', '/v2/service_instances/ct', {
      body: { ...DB, ...GUIDS },
      headers: { ...OSB_HEADERS, 'content-type': undefined },
    });
    expect(reply.status).toBe(415);
    expect(reply.json).toMatchObject({ error: 'UnsupportedMediaType' });
  });
});
