import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../main/core/errors';
import {
  emptySampleBrokerState,
  FaultRegistry,
  SAMPLE_IDS,
  SampleBrokerCore,
  type SampleBrokerState,
} from '../../main/core/sample-broker';

const DELAY = 1000;
const GUIDS = { organization_guid: 'org', space_guid: 'space' };
const ASYNC = { service_id: SAMPLE_IDS.async.service, plan_id: SAMPLE_IDS.async.standard, ...GUIDS };
const DB = { service_id: SAMPLE_IDS.db.service, plan_id: SAMPLE_IDS.db.small, ...GUIDS };
const ASYNC_CALL = { acceptsIncomplete: true, dashboardBase: 'http://broker/dashboard' };

let state: SampleBrokerState;
let now: number;
let updates: number;
let faults: FaultRegistry;
let core: SampleBrokerCore;

beforeEach(() => {
  state = emptySampleBrokerState();
  now = Date.parse('2026-01-01T00:00:00Z');
  updates = 0;
  faults = new FaultRegistry();
  const store = {
    get state() {
      return state;
    },
    update: async <R>(mutate: (current: SampleBrokerState) => R) => {
      updates++;
      return mutate(state);
    },
  };
  core = new SampleBrokerCore({ store, faults, asyncDelayMs: DELAY, now: () => now });
});

async function rejection(promise: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('SampleBrokerCore: asynchronous timing from timestamps', () => {
  it('reports in progress until the delay has passed, then succeeded, without writing', async () => {
    const { body } = await core.provision('i', ASYNC, ASYNC_CALL);
    const writes = updates;
    now += DELAY - 1;
    expect(core.instanceLastOperation('i', body.operation as string).body.state).toBe('in progress');
    expect((await rejection(() => core.fetchInstance('i'))).status).toBe(404);
    now += 1;
    expect(core.instanceLastOperation('i', body.operation as string).body.state).toBe('succeeded');
    expect(core.fetchInstance('i').status).toBe(200);
    expect(updates).toBe(writes);
  });

  it('answers 410 after an async delete, before and after the next write settles it', async () => {
    await core.provision('i', ASYNC, ASYNC_CALL);
    now += DELAY;
    const { body } = await core.deprovision('i', ASYNC, { acceptsIncomplete: true });
    now += DELAY;
    expect(core.instanceLastOperation('i', body.operation as string).status).toBe(410);
    expect(state.instances.i).toBeDefined();
    await core.provision('other', DB, { acceptsIncomplete: false, dashboardBase: 'http://broker/dashboard' });
    expect(state.instances.i).toBeUndefined();
    expect(core.instanceLastOperation('i').status).toBe(410);
    expect((await rejection(() => core.instanceLastOperation('never'))).status).toBe(404);
  });

  it('applies a finished update once and keeps the terminal state for re-polls', async () => {
    await core.provision('i', ASYNC, ASYNC_CALL);
    now += DELAY;
    const premium = { ...ASYNC, plan_id: SAMPLE_IDS.async.premium };
    const first = await core.update('i', premium, { acceptsIncomplete: true });
    now += DELAY;
    expect(core.fetchInstance('i').body.plan_id).toBe(premium.plan_id);
    const second = await core.update('i', ASYNC, { acceptsIncomplete: true });
    expect(core.fetchInstance('i').body.plan_id).toBe(premium.plan_id);
    now += DELAY;
    expect(core.fetchInstance('i').body.plan_id).toBe(ASYNC.plan_id);
    expect(core.instanceLastOperation('i', second.body.operation as string).body.state).toBe('succeeded');
    expect(
      (await rejection(() => core.instanceLastOperation('i', first.body.operation as string))).status,
    ).toBe(400);
  });
});

describe('SampleBrokerCore: refusals change nothing', () => {
  it('leaves the state as it was after 409, 422 and 400', async () => {
    await core.provision('i', ASYNC, ASYNC_CALL);
    const before = structuredClone(state);
    const premium = { ...ASYNC, plan_id: SAMPLE_IDS.async.premium };
    expect((await rejection(core.provision('i', premium, ASYNC_CALL))).status).toBe(409);
    expect((await rejection(core.update('i', premium, { acceptsIncomplete: true }))).error).toBe(
      'ConcurrencyError',
    );
    expect((await rejection(core.deprovision('i', ASYNC, { acceptsIncomplete: true }))).error).toBe(
      'ConcurrencyError',
    );
    expect((await rejection(core.bind('i', 'b', ASYNC, { acceptsIncomplete: true }))).error).toBe(
      'ConcurrencyError',
    );
    now += DELAY;
    expect((await rejection(core.update('i', { service_id: 'x' }, { acceptsIncomplete: true }))).status).toBe(
      400,
    );
    expect(state).toEqual(before);
  });
});

describe('SampleBrokerCore: failLastOperation', () => {
  it('fails the next async provision of the fault plan only', async () => {
    faults.add({ kind: 'failLastOperation', planId: SAMPLE_IDS.async.premium, times: 1 });
    const standard = await core.provision('a', ASYNC, ASYNC_CALL);
    const premium = await core.provision('b', { ...ASYNC, plan_id: SAMPLE_IDS.async.premium }, ASYNC_CALL);
    now += DELAY;
    expect(core.instanceLastOperation('a', standard.body.operation as string).body.state).toBe('succeeded');
    expect(core.instanceLastOperation('b', premium.body.operation as string).body).toMatchObject({
      state: 'failed',
      description: expect.stringMatching(/injected/),
    });
    expect(faults.list()).toEqual([]);
  });
});

describe('SampleBrokerCore: an instance removed with its bindings', () => {
  const SYNC = { acceptsIncomplete: false, dashboardBase: 'http://broker/dashboard' };

  it("removes the deprovisioned instance's bindings only, also those made before a restart", async () => {
    await core.provision('kept', DB, SYNC);
    await core.provision('gone', DB, SYNC);
    await core.bind('kept', 'kept-b', DB, SYNC);
    await core.bind('gone', 'gone-b1', DB, SYNC);
    // A new core on the same state, as after a restart: it learns the bindings from the state.
    const store = { state, update: async <R>(mutate: (current: SampleBrokerState) => R) => mutate(state) };
    const restarted = new SampleBrokerCore({ store, faults, asyncDelayMs: DELAY, now: () => now });
    await restarted.bind('gone', 'gone-b2', DB, SYNC);

    await restarted.unbind('gone', 'gone-b1', DB, SYNC);
    expect((await restarted.deprovision('gone', DB, SYNC)).status).toBe(200);
    expect(Object.keys(state.bindings)).toEqual(['kept-b']);
    expect(Object.keys(state.instances)).toEqual(['kept']);
    expect(state.gone.bindings).toEqual(['gone-b1', 'gone-b2']);
  });
});
