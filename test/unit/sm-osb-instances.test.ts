import { describe, expect, it } from 'vitest';
import { ANSWERED_BY_BROKER, ANSWERED_BY_HEADER } from '../../main/core/osb/answered-by';
import { type FakeReply, type OsbHarness, osbHarness } from '../helpers/sm-harness';

const path = '/service_instances/i-1';
const brokerPath = '/v2/service_instances/i-1';

async function provisioned(h: OsbHarness, reply: FakeReply = { status: 201, body: {} }) {
  h.client.next('PUT', brokerPath, reply);
  return h.call(h.cf, 'PUT', path, h.provisionBody(), { accepts_incomplete: 'true' });
}

async function provisionedAsync(h: OsbHarness) {
  await provisioned(h, { status: 202, body: { operation: 'op-create' } });
  h.client.next('GET', `${brokerPath}/last_operation`, { status: 200, body: { state: 'succeeded' } });
  await h.call(h.cf, 'GET', `${path}/last_operation`);
}

const instance = (h: OsbHarness) => h.state.instances.find((candidate) => candidate.id === 'i-1');
const lastOperation = (h: OsbHarness) => h.state.operations.at(-1)!;

describe('provision', () => {
  it.each([201, 200])(
    'stores a ready instance on %i and records a succeeded create operation',
    async (status) => {
      const h = await osbHarness();
      const answer = await provisioned(h, { status, body: { dashboard_url: 'http://dash/1' } });
      expect(answer).toMatchObject({ status, body: { dashboard_url: 'http://dash/1' } });
      expect(instance(h)).toMatchObject({
        ready: true,
        usable: true,
        name: 'my-db',
        platform_id: h.cf.id,
        broker_id: h.broker.id,
        service_plan_id: h.planId('small'),
        dashboard_url: 'http://dash/1',
        context: { organization_guid: 'org-1' },
      });
      expect(lastOperation(h)).toMatchObject({
        type: 'create',
        state: 'succeeded',
        resource_id: 'i-1',
        resource_type: '/v1/service_instances',
        platform_id: h.cf.id,
        correlation_id: 'flow-1',
      });
    },
  );

  it('forwards with the broker, the OSB headers, the flow id as request identity and the query', async () => {
    const h = await osbHarness();
    await provisioned(h);
    const [request] = h.client.osbCalls();
    expect(h.client.calls.at(-1)!.broker).toBe('test');
    expect(request).toMatchObject({
      method: 'PUT',
      path: brokerPath,
      query: { accepts_incomplete: 'true' },
      headers: {
        'X-Broker-API-Version': '2.17',
        'X-Broker-API-Originating-Identity': 'cloudfoundry eyJ1c2VyX2lkIjoidSJ9',
        'X-Broker-API-Request-Identity': 'flow-1',
      },
      body: h.provisionBody(),
      timeoutMs: 5000,
    });
  });

  it('stores a 202 not ready with an operation in progress, then ready when last_operation succeeds', async () => {
    const h = await osbHarness();
    const answer = await provisioned(h, { status: 202, body: { operation: 'op-create' } });
    expect(answer).toMatchObject({ status: 202, body: { operation: 'op-create' } });
    expect(instance(h)).toMatchObject({ ready: false, usable: false });
    expect(lastOperation(h)).toMatchObject({ state: 'in progress', external_id: 'op-create' });

    h.client.next('GET', `${brokerPath}/last_operation`, { status: 200, body: { state: 'in progress' } });
    const polled = await h.call(h.cf, 'GET', `${path}/last_operation`, undefined, { operation: 'op-create' });
    expect(polled.body).toEqual({ state: 'in progress' });
    expect(h.client.osbCalls().at(-1)!.query).toEqual({ operation: 'op-create' });
    expect(instance(h)!.ready).toBe(false);

    h.client.next('GET', `${brokerPath}/last_operation`, {
      status: 200,
      body: { state: 'succeeded' },
      headers: { 'retry-after': '3' },
    });
    const done = await h.call(h.cf, 'GET', `${path}/last_operation`);
    expect(done.headers).toEqual({ 'Retry-After': '3', [ANSWERED_BY_HEADER]: ANSWERED_BY_BROKER });
    expect(instance(h)).toMatchObject({ ready: true, usable: true });
    expect(lastOperation(h).state).toBe('succeeded');
  });

  it('removes the instance when the async create fails, and records why', async () => {
    const h = await osbHarness();
    await provisioned(h, { status: 202, body: { operation: 'op-create' } });
    h.client.next('GET', `${brokerPath}/last_operation`, {
      status: 200,
      body: { state: 'failed', description: 'no disk' },
    });
    await h.call(h.cf, 'GET', `${path}/last_operation`);
    expect(instance(h)).toBeUndefined();
    expect(lastOperation(h)).toMatchObject({
      state: 'failed',
      errors: [{ description: 'Broker "test": no disk' }],
    });
  });

  it('leaves a create in progress on a 410 poll (only a delete ends with 410)', async () => {
    const h = await osbHarness();
    await provisioned(h, { status: 202, body: {} });
    h.client.next('GET', `${brokerPath}/last_operation`, { status: 410, body: {} });
    await h.call(h.cf, 'GET', `${path}/last_operation`);
    expect(instance(h)!.ready).toBe(false);
    expect(lastOperation(h)).toMatchObject({ state: 'in progress' });
    expect(lastOperation(h).external_id).toBeUndefined();
  });

  it.each([
    [
      { status: 400, body: { error: 'BadParams', description: 'size is too big' } },
      400,
      'BadParams',
      'size is too big',
    ],
    [{ status: 500, body: {} }, 500, undefined, 'answered 500 without a description'],
    [{ status: 500, raw: '<html>oops</html>' }, 500, undefined, 'answered 500 with "<html>oops</html>"'],
  ] as const)(
    "passes a broker error back unchanged and records it as the broker's (%#)",
    async (reply, status, error, said) => {
      const h = await osbHarness();
      const answer = await provisioned(h, reply);
      expect(answer.status).toBe(status);
      expect(answer.headers).toMatchObject({ [ANSWERED_BY_HEADER]: ANSWERED_BY_BROKER });
      if ('raw' in reply) expect(answer).toMatchObject({ body: undefined, raw: reply.raw });
      else expect(answer.body).toEqual(reply.body);
      expect(instance(h)).toBeUndefined();
      expect(lastOperation(h)).toMatchObject({
        state: 'failed',
        errors: [{ description: `Broker "test": ${said}`, ...(error ? { error } : {}) }],
      });
    },
  );

  it.each([
    ['timeout', 504, 'ServiceBrokerTimeout'],
    ['unreachable', 502, 'ServiceBrokerErr'],
  ] as const)('answers a broker %s with %i and stores nothing', async (reply, status, error) => {
    const h = await osbHarness();
    const answer = await provisioned(h, reply);
    expect(answer).toMatchObject({
      status,
      body: { error, description: expect.stringContaining('Broker "test"') },
    });
    expect(instance(h)).toBeUndefined();
    expect(lastOperation(h)).toMatchObject({ state: 'failed', errors: [{ error }] });
  });

  it('passes a malformed 201 on raw and does not store the instance', async () => {
    const h = await osbHarness();
    const answer = await provisioned(h, {
      status: 201,
      raw: '{"dashboard',
      headers: { 'content-type': 'application/json' },
    });
    expect(answer).toEqual({
      status: 201,
      headers: { 'Content-Type': 'application/json', [ANSWERED_BY_HEADER]: ANSWERED_BY_BROKER },
      body: undefined,
      raw: '{"dashboard',
    });
    expect(instance(h)).toBeUndefined();
    expect(lastOperation(h)).toMatchObject({ state: 'failed', errors: [{ error: 'MalformedResponse' }] });
  });

  it('emits sm.instance and sm.operation events', async () => {
    const h = await osbHarness();
    await provisioned(h);
    const types = h.seen.map((event) => [event.type, (event.data as { action?: string }).action]);
    expect(types).toEqual(
      expect.arrayContaining([
        ['sm.instance', 'created'],
        ['sm.instance', 'updated'],
        ['sm.operation', undefined],
      ]),
    );
  });
});

describe('update', () => {
  const patch = (
    h: OsbHarness,
    reply: FakeReply,
    body: object = { service_id: 'svc-db', plan_id: 'large', parameters: { a: 1 } },
  ) => {
    h.client.next('PATCH', brokerPath, reply);
    return h.call(h.cf, 'PATCH', path, body);
  };

  it('applies a sync 200', async () => {
    const h = await osbHarness();
    await provisioned(h);
    expect((await patch(h, { status: 200, body: {} })).status).toBe(200);
    expect(instance(h)).toMatchObject({
      service_plan_id: h.planId('large'),
      parameters: { a: 1 },
      usable: true,
    });
    expect(instance(h)!.previous).toBeUndefined();
    expect(lastOperation(h)).toMatchObject({ type: 'update', state: 'succeeded' });
  });

  it('applies a 202 at once, keeps the previous values, and drops them when it succeeds', async () => {
    const h = await osbHarness();
    await provisioned(h);
    await patch(h, { status: 202, body: { operation: 'op-up' } });
    expect(instance(h)).toMatchObject({
      service_plan_id: h.planId('large'),
      previous: { service_plan_id: h.planId('small'), parameters: {} },
    });
    h.client.next('GET', `${brokerPath}/last_operation`, { status: 200, body: { state: 'succeeded' } });
    await h.call(h.cf, 'GET', `${path}/last_operation`);
    expect(instance(h)).toMatchObject({ service_plan_id: h.planId('large'), usable: true });
    expect(instance(h)!.previous).toBeUndefined();
  });

  it('rolls a failed async update back and takes usable from instance_usable', async () => {
    const h = await osbHarness();
    await provisioned(h);
    await patch(
      h,
      { status: 202, body: { operation: 'op-up' } },
      { plan_id: 'large', context: { ...h.provisionBody().context, x: 1 } },
    );
    h.client.next('GET', `${brokerPath}/last_operation`, {
      status: 200,
      body: { state: 'failed', description: 'resize failed', instance_usable: false },
    });
    await h.call(h.cf, 'GET', `${path}/last_operation`);
    expect(instance(h)).toMatchObject({
      service_plan_id: h.planId('small'),
      usable: false,
      context: h.provisionBody().context,
    });
    expect(instance(h)!.previous).toBeUndefined();
    expect(lastOperation(h)).toMatchObject({
      state: 'failed',
      errors: [{ description: 'Broker "test": resize failed' }],
    });
  });

  it('keeps the instance on a sync failure, usable from instance_usable', async () => {
    const h = await osbHarness();
    await provisioned(h);
    const answer = await patch(h, {
      status: 422,
      body: { error: 'ConcurrencyError', description: 'busy', instance_usable: false },
    });
    expect(answer).toMatchObject({
      status: 422,
      body: { error: 'ConcurrencyError', description: 'busy', instance_usable: false },
    });
    expect(instance(h)).toMatchObject({ service_plan_id: h.planId('small'), usable: false });
  });

  it.each([
    ['timeout', 504],
    ['unreachable', 502],
    [{ status: 500, body: { description: 'boom' } }, 500],
  ] as const)('keeps the instance unchanged on %s', async (reply, status) => {
    const h = await osbHarness();
    await provisioned(h);
    expect((await patch(h, reply)).status).toBe(status);
    expect(instance(h)).toMatchObject({ service_plan_id: h.planId('small'), usable: true, parameters: {} });
    expect(lastOperation(h)).toMatchObject({ type: 'update', state: 'failed' });
  });

  it('answers 404 for an instance the SM does not know, without calling the broker', async () => {
    const h = await osbHarness();
    const answer = await h.call(h.cf, 'PATCH', path, { plan_id: 'large' });
    expect(answer).toMatchObject({ status: 404, body: { error: 'NotFound' } });
    expect(h.client.osbCalls()).toEqual([]);
  });
});

describe('deprovision', () => {
  const remove = (h: OsbHarness, reply: FakeReply) => {
    h.client.next('DELETE', brokerPath, reply);
    return h.call(h.cf, 'DELETE', path, undefined, { service_id: 'svc-db', plan_id: 'small' });
  };

  it.each([200, 410])('removes the instance on %i', async (status) => {
    const h = await osbHarness();
    await provisioned(h);
    expect((await remove(h, { status, body: {} })).status).toBe(status);
    expect(instance(h)).toBeUndefined();
    expect(lastOperation(h)).toMatchObject({ type: 'delete', state: 'succeeded' });
    expect(h.client.osbCalls().at(-1)!.query).toEqual({ service_id: 'svc-db', plan_id: 'small' });
  });

  it.each([
    [{ status: 200, body: { state: 'succeeded' } }, 'succeeded'],
    [{ status: 410, body: {} }, '410'],
  ] as const)('removes the instance after a 202 when last_operation says %s', async (pollReply, _label) => {
    const h = await osbHarness();
    await provisionedAsync(h);
    await remove(h, { status: 202, body: { operation: 'op-del' } });
    expect(instance(h)).toBeDefined();
    expect(lastOperation(h)).toMatchObject({ type: 'delete', state: 'in progress', external_id: 'op-del' });
    h.client.next('GET', `${brokerPath}/last_operation`, pollReply);
    await h.call(h.cf, 'GET', `${path}/last_operation`);
    expect(instance(h)).toBeUndefined();
    expect(lastOperation(h)).toMatchObject({ type: 'delete', state: 'succeeded' });
  });

  it('keeps the instance when the async delete fails', async () => {
    const h = await osbHarness();
    await provisioned(h);
    await remove(h, { status: 202, body: {} });
    h.client.next('GET', `${brokerPath}/last_operation`, {
      status: 200,
      body: { state: 'failed', instance_usable: false },
    });
    await h.call(h.cf, 'GET', `${path}/last_operation`);
    expect(instance(h)).toMatchObject({ ready: true, usable: false });
    expect(lastOperation(h)).toMatchObject({ type: 'delete', state: 'failed' });
  });

  it.each([
    [{ status: 500, body: {} }, 500],
    [{ status: 422, body: { error: 'ConcurrencyError', description: 'busy' } }, 422],
    ['timeout', 504],
    ['unreachable', 502],
  ] as const)('keeps the instance on %s', async (reply, status) => {
    const h = await osbHarness();
    await provisioned(h);
    expect((await remove(h, reply)).status).toBe(status);
    expect(instance(h)).toMatchObject({ ready: true });
    expect(lastOperation(h)).toMatchObject({ type: 'delete', state: 'failed' });
  });

  it('forwards the delete of an instance the SM does not know (orphan mitigation)', async () => {
    const h = await osbHarness();
    const answer = await remove(h, { status: 410, body: {} });
    expect(answer.status).toBe(410);
    expect(h.client.osbCalls()).toHaveLength(1);
    expect(lastOperation(h)).toMatchObject({ type: 'delete', state: 'succeeded', resource_id: 'i-1' });
  });
});
