import { describe, expect, it } from 'vitest';
import { type FakeReply, type OsbHarness, osbHarness } from '../helpers/sm-harness';

const instancePath = '/service_instances/i-1';
const path = `${instancePath}/service_bindings/b-1`;
const brokerPath = `/v2${path}`;
const bindBody = { service_id: 'svc-db', plan_id: 'small', context: { platform: 'cloudfoundry' } };
const credentials = { uri: 'db://user:pw@host', password: 'pw' };

async function withInstance() {
  const h = await osbHarness();
  await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
  return h;
}

async function bound(h: OsbHarness, reply: FakeReply = { status: 201, body: { credentials } }) {
  h.client.next('PUT', brokerPath, reply);
  return h.call(h.cf, 'PUT', path, bindBody, { accepts_incomplete: 'true' });
}

const poll = (h: OsbHarness, reply: FakeReply) => {
  h.client.next('GET', `${brokerPath}/last_operation`, reply);
  return h.call(h.cf, 'GET', `${path}/last_operation`);
};

const binding = (h: OsbHarness) => h.state.bindings.find((candidate) => candidate.id === 'b-1');
const lastOperation = (h: OsbHarness) => h.state.operations.at(-1)!;

describe('bind', () => {
  it.each([201, 200])('stores a ready binding with its credentials on %i', async (status) => {
    const h = await withInstance();
    const answer = await bound(h, { status, body: { credentials, syslog_drain_url: 'syslog://x' } });
    expect(answer).toMatchObject({ status, body: { credentials } });
    expect(binding(h)).toMatchObject({
      ready: true,
      service_instance_id: 'i-1',
      platform_id: h.cf.id,
      credentials,
      syslog_drain_url: 'syslog://x',
    });
    expect(lastOperation(h)).toMatchObject({
      type: 'create',
      state: 'succeeded',
      resource_type: '/v1/service_bindings',
    });
  });

  it('never puts credentials into events', async () => {
    const h = await withInstance();
    await bound(h);
    const bindingEvents = h.seen.filter((event) => event.type === 'sm.binding');
    expect(bindingEvents.length).toBeGreaterThan(0);
    expect(JSON.stringify(h.seen)).not.toContain('pw@host');
  });

  it('stores a 202 not ready; succeeded makes it ready; GET binding then stores the credentials', async () => {
    const h = await withInstance();
    await bound(h, { status: 202, body: { operation: 'op-bind' } });
    expect(binding(h)).toMatchObject({ ready: false });
    expect(lastOperation(h)).toMatchObject({ state: 'in progress', external_id: 'op-bind' });
    await poll(h, { status: 200, body: { state: 'succeeded' } });
    expect(binding(h)).toMatchObject({ ready: true });
    expect(binding(h)!.credentials).toBeUndefined();

    h.client.next('GET', brokerPath, { status: 200, body: { credentials } });
    const fetched = await h.call(h.cf, 'GET', path);
    expect(fetched.body).toEqual({ credentials });
    expect(binding(h)!.credentials).toEqual(credentials);
    expect(JSON.stringify(h.seen)).not.toContain('pw@host');
  });

  it('removes the binding when the async bind fails', async () => {
    const h = await withInstance();
    await bound(h, { status: 202, body: {} });
    await poll(h, { status: 200, body: { state: 'failed', description: 'no users left' } });
    expect(binding(h)).toBeUndefined();
    expect(lastOperation(h)).toMatchObject({
      state: 'failed',
      errors: [{ description: 'Broker "test": no users left' }],
    });
  });

  it.each([
    [{ status: 400, body: { description: 'bad' } }, 400],
    [{ status: 422, body: { error: 'RequiresApp', description: 'app' } }, 422],
    [{ status: 500, body: {} }, 500],
    ['timeout', 504],
    ['unreachable', 502],
    [{ status: 201, raw: 'not json' }, 201],
  ] as const)('stores nothing on %s', async (reply, status) => {
    const h = await withInstance();
    expect((await bound(h, reply)).status).toBe(status);
    expect(binding(h)).toBeUndefined();
    expect(lastOperation(h)).toMatchObject({ type: 'create', state: 'failed' });
  });

  it('answers 404 for an instance the SM does not know, without calling the broker', async () => {
    const h = await osbHarness();
    const answer = await bound(h);
    expect(answer).toMatchObject({ status: 404, body: { error: 'NotFound' } });
    expect(h.client.osbCalls()).toEqual([]);
    expect(h.state.operations).toEqual([]);
  });
});

describe('unbind', () => {
  const unbind = (h: OsbHarness, reply: FakeReply) => {
    h.client.next('DELETE', brokerPath, reply);
    return h.call(h.cf, 'DELETE', path, undefined, { service_id: 'svc-db', plan_id: 'small' });
  };

  it.each([200, 410])('removes the binding on %i', async (status) => {
    const h = await withInstance();
    await bound(h);
    expect((await unbind(h, { status, body: {} })).status).toBe(status);
    expect(binding(h)).toBeUndefined();
    expect(lastOperation(h)).toMatchObject({ type: 'delete', state: 'succeeded', resource_id: 'b-1' });
  });

  it.each([[{ status: 200, body: { state: 'succeeded' } }], [{ status: 410, body: {} }]] as const)(
    'removes the binding after a 202 when last_operation answers %j',
    async (reply) => {
      const h = await withInstance();
      await bound(h);
      await unbind(h, { status: 202, body: { operation: 'op-unbind' } });
      expect(binding(h)).toBeDefined();
      await poll(h, reply);
      expect(binding(h)).toBeUndefined();
    },
  );

  it('keeps the binding when the async unbind fails', async () => {
    const h = await withInstance();
    await bound(h);
    await unbind(h, { status: 202, body: {} });
    await poll(h, { status: 200, body: { state: 'failed' } });
    expect(binding(h)).toMatchObject({ ready: true, credentials });
    expect(lastOperation(h)).toMatchObject({ type: 'delete', state: 'failed' });
  });

  it.each([
    [{ status: 500, body: {} }, 500],
    ['timeout', 504],
    ['unreachable', 502],
  ] as const)('keeps the binding on %s', async (reply, status) => {
    const h = await withInstance();
    await bound(h);
    expect((await unbind(h, reply)).status).toBe(status);
    expect(binding(h)).toBeDefined();
  });
});
