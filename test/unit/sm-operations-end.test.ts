import { describe, expect, it } from 'vitest';
import type { PlanView } from '../../main/core/sm/catalog/views';
import { forceRemoveInstance } from '../../main/core/sm/forced-removal';
import type { OperationRecord } from '../../main/core/sm/model';
import { operationTimeoutSeconds } from '../../main/core/sm/operations/timeout';
import { checkIntervalMs } from '../../main/core/sm/osb/maintainer';
import { type OsbHarness, osbHarness } from '../helpers/sm-harness';

const instancePath = '/service_instances/i-1';
const bindingPath = `${instancePath}/service_bindings/b-1`;
const bindBody = { service_id: 'svc-db', plan_id: 'small' };
const deleteQuery = { service_id: 'svc-db', plan_id: 'small' };
const HOURS_AGO = new Date(Date.now() - 2 * 3600_000).toISOString();

/** A broker call that never returns: what a SIGKILL leaves behind (the SM never sees the answer). */
const never = () => new Promise<never>(() => undefined);

const operationOf = (h: OsbHarness, resourceId: string, type: OperationRecord['type']) =>
  h.state.operations.findLast((operation) => operation.resource_id === resourceId && operation.type === type);

const polls = (h: OsbHarness) => h.client.osbCalls().filter((call) => call.path.endsWith('/last_operation'));

/** Makes an operation look as old as one left by a crash long ago. */
function age(operation: OperationRecord | undefined): void {
  operation!.created_at = HOURS_AGO;
}

describe('a delete is not blocked by an operation nobody waits on', () => {
  it('after a crash mid-provision, the DELETE goes to the broker and supersedes the create once it accepts', async () => {
    const h = await osbHarness();
    h.client.next('PUT', '/v2/service_instances/i-1', never);
    void h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    await expect.poll(() => operationOf(h, 'i-1', 'create')?.state).toBe('in progress');
    const blocked = await h.call(h.cf, 'DELETE', instancePath, undefined, deleteQuery);
    expect(blocked).toMatchObject({ status: 422, body: { error: 'ConcurrentOperationInProgress' } });

    h.restart();
    const answer = await h.call(h.cf, 'DELETE', instancePath, undefined, deleteQuery);
    expect(answer.status).toBe(200);
    expect(h.client.osbCalls().at(-1)).toMatchObject({ method: 'DELETE', path: '/v2/service_instances/i-1' });
    expect(h.state.instances).toHaveLength(0);
    expect(operationOf(h, 'i-1', 'create')).toMatchObject({
      state: 'failed',
      errors: [{ error: 'Superseded', description: expect.stringContaining('accepted') }],
    });
    expect(operationOf(h, 'i-1', 'delete')?.state).toBe('succeeded');
  });

  it('a DELETE during an accepted create: the broker decides, a refusal leaves the create running', async () => {
    const h = await osbHarness();
    h.client.next('PUT', '/v2/service_instances/i-1', { status: 202, body: { operation: 'op-1' } });
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    h.client.next('DELETE', '/v2/service_instances/i-1', {
      status: 422,
      body: { error: 'ConcurrencyError', description: 'still provisioning' },
    });
    const refused = await h.call(h.cf, 'DELETE', instancePath, undefined, deleteQuery);
    expect(refused).toMatchObject({ status: 422, body: { error: 'ConcurrencyError' } });
    expect(operationOf(h, 'i-1', 'create')?.state).toBe('in progress');
    expect(h.state.instances).toHaveLength(1);

    h.client.next('DELETE', '/v2/service_instances/i-1', { status: 202, body: { operation: 'del-1' } });
    const accepted = await h.call(h.cf, 'DELETE', instancePath, undefined, deleteQuery);
    expect(accepted.status).toBe(202);
    expect(operationOf(h, 'i-1', 'create')?.state).toBe('failed');
    expect(operationOf(h, 'i-1', 'delete')?.state).toBe('in progress');
    expect(h.state.instances).toHaveLength(1);
    h.client.next('GET', '/v2/service_instances/i-1/last_operation', { status: 410, body: {} });
    await h.call(h.cf, 'GET', `${instancePath}/last_operation`);
    expect(h.state.instances).toHaveLength(0);
    expect(operationOf(h, 'i-1', 'delete')?.state).toBe('succeeded');
  });

  it('an unbind supersedes a bind left by a crash', async () => {
    const h = await osbHarness();
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    h.client.next('PUT', `/v2${bindingPath}`, never);
    void h.call(h.cf, 'PUT', bindingPath, bindBody);
    await expect.poll(() => operationOf(h, 'b-1', 'create')?.state).toBe('in progress');
    h.restart();
    expect((await h.call(h.cf, 'DELETE', bindingPath, undefined, deleteQuery)).status).toBe(200);
    expect(h.state.bindings).toHaveLength(0);
    expect(operationOf(h, 'b-1', 'create')?.state).toBe('failed');
  });
});

describe('the operation maintainer', () => {
  it('resumes an accepted create left in progress: polls last_operation as a platform would and stores the end', async () => {
    const h = await osbHarness();
    h.client.next('PUT', '/v2/service_instances/i-1', { status: 202, body: { operation: 'op-1' } });
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    const osb = h.restart();
    h.client.next('GET', '/v2/service_instances/i-1/last_operation', {
      status: 200,
      body: { state: 'succeeded' },
    });
    await osb.maintainer.check();
    expect(polls(h)).toHaveLength(1);
    expect(polls(h)[0]).toMatchObject({
      query: { operation: 'op-1', plan_id: 'small', service_id: 'svc-db' },
      headers: { 'X-Broker-API-Version': '2.17' },
    });
    expect(operationOf(h, 'i-1', 'create')?.state).toBe('succeeded');
    expect(h.state.instances[0]).toMatchObject({ ready: true, usable: true });
  });

  it('keeps polling while the broker says in progress, and fails the operation once its timeout passed', async () => {
    const h = await osbHarness({ operationTimeoutSeconds: 600 });
    h.client.next('PUT', '/v2/service_instances/i-1', { status: 202, body: { operation: 'op-1' } });
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    const inProgress = { status: 200, body: { state: 'in progress' } };
    h.client.next('GET', /last_operation$/, inProgress).next('GET', /last_operation$/, inProgress);
    await h.osb.maintainer.check();
    expect(operationOf(h, 'i-1', 'create')?.state).toBe('in progress');

    age(operationOf(h, 'i-1', 'create'));
    await h.osb.maintainer.check();
    expect(polls(h)).toHaveLength(2);
    const create = operationOf(h, 'i-1', 'create')!;
    expect(create.state).toBe('failed');
    expect(create.errors[0]).toMatchObject({ error: 'OperationTimeout' });
    expect(create.errors[0]!.description).toContain('after 600 s');
    expect(create.errors[0]!.description).toContain('serviceManager.operationTimeoutSeconds');
    expect(h.state.instances).toHaveLength(0);
    expect(h.seen.some((event) => event.type === 'sm.instance')).toBe(true);
  });

  it('takes a final answer at the deadline rather than failing', async () => {
    const h = await osbHarness();
    h.client.next('PUT', '/v2/service_instances/i-1', { status: 202, body: {} });
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    age(operationOf(h, 'i-1', 'create'));
    h.client.next('GET', /last_operation$/, { status: 200, body: { state: 'succeeded' } });
    await h.osb.maintainer.check();
    expect(operationOf(h, 'i-1', 'create')?.state).toBe('succeeded');
  });

  it('fails a crash-left create whose broker gives no usable answer, after the default hour', async () => {
    const h = await osbHarness();
    h.client.next('PUT', '/v2/service_instances/i-1', never);
    void h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    await expect.poll(() => operationOf(h, 'i-1', 'create')?.state).toBe('in progress');
    const osb = h.restart();
    h.client.next('GET', /last_operation$/, 'unreachable');
    await osb.maintainer.check();
    expect(operationOf(h, 'i-1', 'create')?.state).toBe('in progress');
    age(operationOf(h, 'i-1', 'create'));
    h.client.next('GET', /last_operation$/, { status: 404, body: {} });
    await osb.maintainer.check();
    const create = operationOf(h, 'i-1', 'create')!;
    expect(create.state).toBe('failed');
    expect(create.errors[0]!.description).toContain('after 3600 s');
  });

  it('leaves alone an operation whose broker call still runs: no poll, no timeout', async () => {
    const h = await osbHarness({ operationTimeoutSeconds: 1 });
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    const release = h.client.hold('PATCH', '/v2/service_instances/i-1', { status: 200, body: {} });
    const patch = h.call(h.cf, 'PATCH', instancePath, { plan_id: 'large' });
    await expect.poll(() => operationOf(h, 'i-1', 'update')?.state).toBe('in progress');
    age(operationOf(h, 'i-1', 'update'));
    await h.osb.maintainer.check();
    expect(polls(h)).toHaveLength(0);
    expect(operationOf(h, 'i-1', 'update')?.state).toBe('in progress');
    release();
    expect((await patch).status).toBe(200);
    expect(operationOf(h, 'i-1', 'update')?.state).toBe('succeeded');
  });

  it('polls a binding operation on its binding path and rolls nothing else back', async () => {
    const h = await osbHarness({ operationTimeoutSeconds: 5 });
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    h.client.next('PUT', `/v2${bindingPath}`, { status: 202, body: { operation: 'bind-1' } });
    await h.call(h.cf, 'PUT', bindingPath, bindBody);
    age(operationOf(h, 'b-1', 'create'));
    h.client.next('GET', /last_operation$/, { status: 200, body: { state: 'in progress' } });
    await h.osb.maintainer.check();
    expect(polls(h)[0]).toMatchObject({
      path: `/v2${bindingPath}/last_operation`,
      query: { operation: 'bind-1' },
    });
    expect(operationOf(h, 'b-1', 'create')?.state).toBe('failed');
    expect(h.state.bindings).toHaveLength(0);
    expect(h.state.instances[0]?.ready).toBe(true);
  });
});

describe('the maintainer as the SM runs it', () => {
  it('sweeps at start, then stops: an answer arriving after stop() is not stored', async () => {
    const h = await osbHarness({ operationTimeoutSeconds: 60 });
    h.client.next('PUT', '/v2/service_instances/i-1', { status: 202, body: {} });
    h.client.next('PUT', '/v2/service_instances/i-2', { status: 202, body: {} });
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    await h.call(h.cf, 'PUT', '/service_instances/i-2', h.provisionBody());
    age(operationOf(h, 'i-1', 'create'));
    const osb = h.restart();
    h.client.next('GET', /i-1\/last_operation$/, { status: 200, body: { state: 'in progress' } });
    let answer!: () => void;
    h.client.next('GET', /i-2\/last_operation$/, async () => {
      await new Promise<void>((resolve) => {
        answer = resolve;
      });
      return { status: 200, body: { state: 'succeeded' } };
    });
    osb.maintainer.start();
    await expect.poll(() => operationOf(h, 'i-1', 'create')?.state).toBe('failed');
    await expect.poll(() => polls(h).length).toBe(2);
    osb.maintainer.stop();
    answer();
    await osb.maintainer.check();
    expect(operationOf(h, 'i-2', 'create')?.state).toBe('in progress');
  });

  it('survives a store write that fails and ends the operation at the next check', async () => {
    const h = await osbHarness();
    h.client.next('PUT', '/v2/service_instances/i-1', { status: 202, body: {} });
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    age(operationOf(h, 'i-1', 'create'));
    const update = h.store.update;
    h.store.update = async () => {
      throw new Error('ENOSPC: no space left on device');
    };
    await expect(h.osb.maintainer.check()).resolves.toBeUndefined();
    expect(operationOf(h, 'i-1', 'create')?.state).toBe('in progress');
    h.store.update = update;
    await h.osb.maintainer.check();
    expect(operationOf(h, 'i-1', 'create')?.state).toBe('failed');
  });
});

describe('the timeout of an operation', () => {
  const plan = (maximum_polling_duration?: number) =>
    ({ id: 'p', service_offering_id: 'o', maximum_polling_duration }) as unknown as PlanView;

  it('is the config value, else the plan maximum_polling_duration, else one hour', async () => {
    const h = await osbHarness();
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    const create = operationOf(h, 'i-1', 'create')!;
    h.state.instances[0]!.service_plan_id = 'p';
    expect(operationTimeoutSeconds(h.state, [plan(120)], create, 30)).toBe(30);
    expect(operationTimeoutSeconds(h.state, [plan(120)], create, undefined)).toBe(120);
    expect(operationTimeoutSeconds(h.state, [plan()], create, undefined)).toBe(3600);
    expect(operationTimeoutSeconds(h.state, [], create, undefined)).toBe(3600);
  });

  it('is checked every quarter of the configured timeout, between 200 ms and 30 s', () => {
    expect(checkIntervalMs(undefined)).toBe(30_000);
    expect(checkIntervalMs(2)).toBe(500);
    expect(checkIntervalMs(1)).toBe(250);
    expect(checkIntervalMs(3600)).toBe(30_000);
  });
});

describe('forced removal of an instance', () => {
  it('takes the instance and its bindings out of the SM without calling the broker; running operations end failed', async () => {
    const h = await osbHarness();
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    h.client.next('PUT', `/v2${bindingPath}`, { status: 202, body: {} });
    await h.call(h.cf, 'PUT', bindingPath, bindBody);
    const calls = h.client.osbCalls().length;
    await forceRemoveInstance(h, 'i-1');
    expect(h.client.osbCalls()).toHaveLength(calls);
    expect(h.state.instances).toHaveLength(0);
    expect(h.state.bindings).toHaveLength(0);
    expect(operationOf(h, 'b-1', 'create')).toMatchObject({
      state: 'failed',
      errors: [{ error: 'ForcedRemoval', description: expect.stringContaining('?force=true') }],
    });
    const types = h.seen.slice(-3).map((event) => event.type);
    expect(types).toEqual(['sm.operation', 'sm.binding', 'sm.instance']);
  });

  it('answers 404 for an unknown instance and changes nothing', async () => {
    const h = await osbHarness();
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    await expect(forceRemoveInstance(h, 'nope')).rejects.toMatchObject({ status: 404 });
    expect(h.state.instances).toHaveLength(1);
  });
});
