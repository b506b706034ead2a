import { describe, expect, it } from 'vitest';
import { SAMPLE_IDS } from '../../main/core/sample-broker';
import { ASYNC, DB, GUIDS, idsQuery, sampleBrokerPerTest } from '../helpers/sample-broker-harness';

const CONFIGURABLE = { service_id: SAMPLE_IDS.configurable.service, plan_id: SAMPLE_IDS.configurable.custom };
const AGENT = { service_id: SAMPLE_IDS.appAgent.service, plan_id: SAMPLE_IDS.appAgent.agent };
const LOGS = { service_id: SAMPLE_IDS.logs.service, plan_id: SAMPLE_IDS.logs.basic };
const CONTEXT = {
  platform: 'cloudfoundry',
  organization_guid: 'org',
  space_guid: 'space',
  instance_name: 'db',
};

const broker = sampleBrokerPerTest();

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

    expect((await broker.osb('DELETE', `${bindingPath}?${idsQuery(large)}`)).status).toBe(200);
    expect((await broker.osb('DELETE', `${bindingPath}?${idsQuery(large)}`)).status).toBe(410);
    expect((await broker.osb('GET', bindingPath)).status).toBe(404);

    expect((await broker.osb('DELETE', `${path}?${idsQuery(large)}`)).status).toBe(200);
    expect(await broker.osb('DELETE', `${path}?${idsQuery(large)}`)).toMatchObject({ status: 410, json: {} });
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
    expect((await broker.osb('DELETE', `${path}?${idsQuery(DB)}`)).status).toBe(410);
    expect((await broker.osb('DELETE', `${path}/service_bindings/b?${idsQuery(DB)}`)).status).toBe(410);
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
