import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimEvent } from '../../main/core/events';
import { type Fault, type LoggedRequest, SAMPLE_IDS } from '../../main/core/sample-broker';
import {
  CREDENTIALS,
  pollLastOperation,
  type SampleBrokerHarness,
  startSampleBroker,
} from '../helpers/sample-broker-harness';
import { tempDir } from '../helpers/temp-dir';

/** The top-level guids a provision carries (REQUIRED by the spec); other calls ignore them. */
const GUIDS = { organization_guid: 'org', space_guid: 'space' };
const SMALL = { service_id: SAMPLE_IDS.db.service, plan_id: SAMPLE_IDS.db.small, ...GUIDS };
const LARGE = { service_id: SAMPLE_IDS.db.service, plan_id: SAMPLE_IDS.db.large, ...GUIDS };
const ASYNC = { service_id: SAMPLE_IDS.async.service, plan_id: SAMPLE_IDS.async.standard, ...GUIDS };
const deleteQuery = (ids: { service_id: string; plan_id: string }) =>
  `service_id=${ids.service_id}&plan_id=${ids.plan_id}`;

let broker: SampleBrokerHarness;
let removeDir: () => Promise<void>;
let faultEvents: Fault[][];

beforeEach(async () => {
  const dir = await tempDir('smsim-sample-broker-faults-');
  removeDir = dir.remove;
  broker = await startSampleBroker(dir.path);
  faultEvents = [];
  broker.events.subscribe((event: SimEvent) => {
    if (event.type === 'sample-broker.faults') faultEvents.push(event.data as Fault[]);
  });
});

afterEach(async () => {
  await broker.stop();
  await removeDir();
});

async function addFault(input: Record<string, unknown>): Promise<Fault> {
  const reply = await broker.control('POST', '/faults', input);
  expect(reply.status, reply.text).toBe(201);
  return reply.json as unknown as Fault;
}

describe('sample broker faults: the control API', () => {
  it('lists, adds and removes faults, and says so on the event bus', async () => {
    expect((await broker.control('GET', '/faults')).json).toEqual([]);
    const fault = await addFault({
      kind: 'status',
      status: 500,
      planId: SAMPLE_IDS.db.small,
      operations: ['provision'],
    });
    expect(fault).toMatchObject({
      id: expect.any(String),
      kind: 'status',
      status: 500,
      createdAt: expect.any(String),
    });
    expect((await broker.control('GET', '/faults')).json).toEqual([fault]);
    expect(faultEvents).toEqual([[fault]]);

    expect((await broker.control('DELETE', `/faults/${fault.id}`)).status).toBe(204);
    expect((await broker.control('DELETE', `/faults/${fault.id}`)).status).toBe(404);
    await addFault({ kind: 'down' });
    await addFault({ kind: 'timeout' });
    expect((await broker.control('DELETE', '/faults')).status).toBe(204);
    expect((await broker.control('GET', '/faults')).json).toEqual([]);
    expect(faultEvents.at(-1)).toEqual([]);
  });

  it('refuses invalid faults with 400 and a description', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ kind: 'latency' }, /latencyMs/],
      [{ kind: 'status' }, /status/],
      [{ kind: 'explode' }, /kind/],
      [{ kind: 'down', planId: 'no-such-plan' }, /planId/],
      [{ kind: 'down', operations: ['dance'] }, /operations/],
      [{ kind: 'down', colour: 'red' }, /colour/],
      [{ kind: 'status', status: 500, error: 'not camel' }, /CamelCase/],
      [{ kind: 'failLastOperation', operations: ['catalog'] }, /operations/],
    ];
    for (const [input, message] of cases) {
      const reply = await broker.control('POST', '/faults', input);
      expect(reply.status, JSON.stringify(input)).toBe(400);
      expect(reply.json.description, JSON.stringify(input)).toMatch(message);
    }
  });

  it('serves the catalog without credentials', async () => {
    const reply = await broker.control('GET', '/catalog');
    expect(reply.status).toBe(200);
    expect((reply.json.services as unknown[]).length).toBe(5);
  });
});

describe('sample broker faults: each kind', () => {
  it('latency delays the answer', async () => {
    await addFault({ kind: 'latency', latencyMs: 300, operations: ['catalog'] });
    const started = Date.now();
    expect((await broker.osb('GET', '/v2/catalog')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('status answers with the given status and error, only for its plan and operations', async () => {
    await addFault({ kind: 'status', status: 422, error: 'ConcurrencyError', planId: SAMPLE_IDS.db.small });
    const refused = await broker.osb('PUT', '/v2/service_instances/s-1', { body: SMALL });
    expect(refused).toMatchObject({
      status: 422,
      json: { error: 'ConcurrencyError', description: expect.any(String) },
    });
    expect((await broker.osb('PUT', '/v2/service_instances/s-2', { body: LARGE })).status).toBe(201);
    expect((await broker.osb('GET', '/v2/catalog')).status).toBe(200);
    // A plan-scoped fault finds the plan of a stored instance for requests that name none.
    expect((await broker.osb('GET', '/v2/service_instances/s-2')).status).toBe(200);
  });

  it('a fault with `times` fires that often, then removes itself', async () => {
    await addFault({ kind: 'status', status: 500, operations: ['bind'], times: 1 });
    await broker.osb('PUT', '/v2/service_instances/t-1', { body: SMALL });
    const path = '/v2/service_instances/t-1/service_bindings/b';
    expect((await broker.osb('PUT', path, { body: SMALL })).status).toBe(500);
    expect((await broker.osb('PUT', path, { body: SMALL })).status).toBe(201);
    expect((await broker.control('GET', '/faults')).json).toEqual([]);
    expect(faultEvents.at(-1)).toEqual([]);
  });

  it('timeout never answers', async () => {
    await addFault({ kind: 'timeout', operations: ['provision'] });
    const call = broker.osb('PUT', '/v2/service_instances/slow', {
      body: SMALL,
      signal: AbortSignal.timeout(300),
    });
    await expect(call).rejects.toThrow(/timeout|aborted/i);
    expect((await broker.osb('GET', '/v2/catalog')).status).toBe(200);
    const [, timedOut] = (await broker.control('GET', '/requests?limit=2'))
      .json as unknown as LoggedRequest[];
    expect(timedOut).toMatchObject({ method: 'PUT', status: null, faultId: expect.any(String) });
  });

  it('malformed answers 2xx with a body that is not JSON, after doing the work', async () => {
    await addFault({ kind: 'malformed', operations: ['provision'] });
    const reply = await broker.osb('PUT', '/v2/service_instances/m-1', { body: SMALL });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('content-type')).toMatch(/json/);
    expect(reply.isJson).toBe(false);
    expect(() => JSON.parse(reply.text)).toThrow();
    expect((await broker.osb('GET', '/v2/service_instances/m-1')).status).toBe(200);
    // Orphan mitigation: the follow-up DELETE is accepted.
    expect((await broker.osb('DELETE', `/v2/service_instances/m-1?${deleteQuery(SMALL)}`)).status).toBe(200);
    expect((await broker.osb('PUT', '/v2/service_instances/m-2', { body: { plan_id: 'x' } })).status).toBe(
      400,
    );
  });

  it('failLastOperation makes asynchronous operations end in failed', async () => {
    await addFault({ kind: 'failLastOperation', description: 'Disk full.', operations: ['provision'] });
    const path = '/v2/service_instances/f-1';
    const accepted = await broker.osb('PUT', `${path}?accepts_incomplete=true`, { body: ASYNC });
    expect(accepted.status).toBe(202);
    const failed = await pollLastOperation(
      broker,
      `${path}/last_operation?operation=${accepted.json.operation}`,
    );
    expect(failed.json).toEqual({ state: 'failed', description: 'Disk full.' });
    expect((await broker.osb('GET', path)).status).toBe(404);
    const mitigation = await broker.osb('DELETE', `${path}?${deleteQuery(ASYNC)}&accepts_incomplete=true`);
    expect(mitigation.status).toBe(200);

    await broker.control('DELETE', '/faults');
    await addFault({ kind: 'failLastOperation', operations: ['update'] });
    const ok = await broker.osb('PUT', `${path}?accepts_incomplete=true`, { body: ASYNC });
    await pollLastOperation(broker, `${path}/last_operation?operation=${ok.json.operation}`);
    const premium = { ...ASYNC, plan_id: SAMPLE_IDS.async.premium };
    const updating = await broker.osb('PATCH', `${path}?accepts_incomplete=true`, { body: premium });
    const updateFailed = await pollLastOperation(
      broker,
      `${path}/last_operation?operation=${updating.json.operation}`,
    );
    expect(updateFailed.json).toMatchObject({
      state: 'failed',
      instance_usable: true,
      update_repeatable: true,
    });
    expect((await broker.osb('GET', path)).json.plan_id).toBe(ASYNC.plan_id);
  });

  it('down drops the connection, and the broker answers again once the fault is gone', async () => {
    const fault = await addFault({ kind: 'down' });
    await expect(broker.osb('GET', '/v2/catalog')).rejects.toThrow(/fetch failed/);
    await broker.control('DELETE', `/faults/${fault.id}`);
    expect((await broker.osb('GET', '/v2/catalog')).status).toBe(200);
  });
});

describe('sample broker: its request log', () => {
  it('records requests with Authorization redacted and no response bodies', async () => {
    await broker.osb('PUT', '/v2/service_instances/log-1', { body: { ...SMALL, parameters: { a: 1 } } });
    await broker.osb('PUT', '/v2/service_instances/log-1/service_bindings/b', { body: SMALL });
    const log = (await broker.control('GET', '/requests')).json as unknown as LoggedRequest[];
    expect(log).toHaveLength(2);
    const [bind, provision] = log;
    expect(provision).toMatchObject({
      method: 'PUT',
      path: '/v2/service_instances/log-1',
      status: 201,
      outcome: 'answered',
      body: { ...SMALL, parameters: { a: 1 } },
      headers: { authorization: '[redacted]', 'x-broker-api-version': '2.17' },
    });
    expect(bind!.status).toBe(201);
    const text = JSON.stringify(log);
    expect(text).not.toContain(CREDENTIALS.password);
    expect(text).not.toContain('credentials');

    expect((await broker.control('DELETE', '/requests')).status).toBe(204);
    expect((await broker.control('GET', '/requests')).json).toEqual([]);
  });
});
