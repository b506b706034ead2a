import { describe, expect, it } from 'vitest';
import { type Catalog, SAMPLE_IDS } from '../../main/core/sample-broker';
import {
  ASYNC,
  DB,
  GUIDS,
  idsQuery,
  OSB_HEADERS,
  pollLastOperation,
  sampleBrokerPerTest,
} from '../helpers/sample-broker-harness';

const broker = sampleBrokerPerTest();

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
    const deleteEarly = await broker.osb('DELETE', `${path}?${idsQuery(ASYNC, '&accepts_incomplete=true')}`);
    expect(deleteEarly).toMatchObject({ status: 422, json: { error: 'ConcurrencyError' } });

    const polling = await broker.osb(
      'GET',
      `${path}/last_operation?${idsQuery(ASYNC, `&operation=${operation}`)}`,
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
      `${bindingPath}?${idsQuery(premium, '&accepts_incomplete=true')}`,
    );
    expect(unbinding.status).toBe(202);
    expect((await pollLastOperation(broker, `${bindingPath}/last_operation`)).status).toBe(410);

    const deleting = await broker.osb('DELETE', `${path}?${idsQuery(premium, '&accepts_incomplete=true')}`);
    expect(deleting.status).toBe(202);
    const again = await broker.osb('DELETE', `${path}?${idsQuery(premium, '&accepts_incomplete=true')}`);
    expect(again).toMatchObject({ status: 202, json: { operation: deleting.json.operation } });
    const deleted = await pollLastOperation(
      broker,
      `${path}/last_operation?operation=${deleting.json.operation}`,
    );
    expect(deleted).toMatchObject({ status: 410, json: {} });
    expect((await broker.osb('GET', path)).status).toBe(404);
    expect(
      (await broker.osb('DELETE', `${path}?${idsQuery(premium, '&accepts_incomplete=true')}`)).status,
    ).toBe(410);
  });

  it('finishes an operation started before a restart (timing comes from timestamps)', async () => {
    const path = '/v2/service_instances/async-restart';
    const accepted = await broker.osb('PUT', `${path}?accepts_incomplete=true`, {
      body: { ...ASYNC, ...GUIDS },
    });
    expect(accepted.status).toBe(202);
    await broker.restart();
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
