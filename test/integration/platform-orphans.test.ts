import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_IDS } from '../../main/core/sample-broker/ids';
import type { LoggedRequest } from '../../main/core/sample-broker/request-log';
import {
  eventually,
  identityOf,
  type PlatformSimulator,
  startPlatformSimulator,
} from '../helpers/platform-harness';

const sims: PlatformSimulator[] = [];
afterAll(() => Promise.all(sims.map((sim) => sim.cleanup())));

const deletesOf = (log: LoggedRequest[], path: string) =>
  log.filter((request) => request.method === 'DELETE' && request.path === path);

/** The path the broker's PUT went to (the platform's answer to a failed create carries no id). */
async function createdPath(sim: PlatformSimulator): Promise<string> {
  const put = (await sim.brokerRequests()).find((request) => request.method === 'PUT');
  if (!put) throw new Error('the broker got no PUT');
  return put.path;
}

/** Waits until the mitigating DELETEs of `path` end in an accepted one; returns their statuses. */
async function mitigated(sim: PlatformSimulator, path: string, timeoutMs = 8000): Promise<(number | null)[]> {
  const deletes = await eventually(
    async () => {
      const found = deletesOf(await sim.brokerRequests(), path);
      return [200, 202, 410].includes(found.at(-1)?.status ?? 0) && found;
    },
    `an accepted DELETE ${path}`,
    timeoutMs,
  );
  for (const request of deletes) expect(identityOf(request)).toBeUndefined();
  return deletes.map((request) => request.status);
}

describe('orphan mitigation', () => {
  let sim: PlatformSimulator;
  const k8s = () => sim.platform('k8s-dev');
  const fault = (kind: string, operations: string[], extra: Record<string, unknown> = {}) =>
    sim.addFault({ kind, operations, times: 1, ...extra });

  beforeAll(async () => {
    sim = await startPlatformSimulator({
      config: {
        sampleBroker: { asyncDelayMs: 200, retryAfterSeconds: 0 },
        serviceManager: { brokerTimeoutMs: 1000 },
      },
    });
    sims.push(sim);
  });

  it('after a 500: DELETE until the broker accepts (retried after its own 500s)', async () => {
    await sim.clearBroker();
    await fault('status', ['provision'], { status: 500 });
    await fault('status', ['deprovision'], { status: 500, times: 2 });
    const refused = await k8s()('POST', '/service_instances', {
      name: 'five-hundred',
      service: 'sample-db',
      plan: 'small',
    });
    expect(refused.status).toBe(500);
    expect(refused.body.description).toMatch(
      /^Broker "sample" answered 500: .*orphan mitigation \(the create failed with 500\)/,
    );
    expect(await mitigated(sim, await createdPath(sim))).toEqual([500, 500, 410]);
    expect((await k8s()('GET', '/service_instances')).body.items).toEqual([]);
  });

  it('after a timeout', async () => {
    await sim.clearBroker();
    await fault('timeout', ['provision']);
    const refused = await k8s()('POST', '/service_instances', {
      name: 'slow',
      service: 'sample-db',
      plan: 'small',
    });
    expect(refused).toMatchObject({
      status: 504,
      body: {
        description: expect.stringMatching(
          /^The Service Manager answered 504: Broker "sample" did not answer/,
        ),
      },
    });
    expect(await mitigated(sim, await createdPath(sim))).toEqual([410]);
  });

  it('after a malformed 201, flagged as a spec note on the exchange', async () => {
    await sim.clearBroker();
    await fault('malformed', ['provision'], { status: 201 });
    const refused = await k8s()('POST', '/service_instances', {
      name: 'garbled',
      service: 'sample-db',
      plan: 'small',
    });
    expect(refused).toMatchObject({
      status: 502,
      body: {
        description: expect.stringMatching(/^Broker "sample" answered 201 with a body that is not JSON/),
      },
    });
    const path = await createdPath(sim);
    expect(await mitigated(sim, path)).toEqual([200]);
    const instanceId = path.split('/').at(-1)!;
    const flows = sim.simulator.traffic.list({ instance: instanceId, operation: 'provision' }).items;
    expect(flows).toHaveLength(1);
    const first = sim.simulator.traffic.get(flows[0]!.id)!.hops[0]!;
    expect(first.hop).toBe('platform→proxy');
    expect(first.notes.map((note) => note.code)).toContain('MalformedBody');
  });

  it('after a malformed bind: the binding is deleted', async () => {
    await sim.clearBroker();
    const db = await k8s()('POST', '/service_instances', {
      name: 'bind-me',
      service: 'sample-db',
      plan: 'small',
    });
    await fault('malformed', ['bind'], { status: 201 });
    const refused = await k8s()('POST', '/service_bindings', {
      name: 'garbled',
      service_instance_id: db.body.id,
    });
    expect(refused.status).toBe(502);
    const put = (await sim.brokerRequests()).find((request) => request.path.includes('/service_bindings/'))!;
    expect(await mitigated(sim, put.path)).toEqual([200]);
    expect((await k8s()('GET', '/service_bindings')).body.items).toEqual([]);
    await k8s()('DELETE', `/service_instances/${db.body.id}`);
  });

  it('after a failed asynchronous provision', async () => {
    await sim.clearBroker();
    await fault('failLastOperation', ['provision'], { planId: SAMPLE_IDS.async.standard });
    const created = await k8s()('POST', '/service_instances?wait=true', {
      name: 'fails',
      service: 'sample-async',
      plan: 'standard',
    });
    expect(created).toMatchObject({
      status: 201,
      body: { state: 'failed', last_operation: { type: 'create', state: 'failed' } },
    });
    expect(await mitigated(sim, `/v2/service_instances/${created.body.id}`)).toHaveLength(1);
  });

  it('not after a 4xx such as 422 ConcurrencyError', async () => {
    await sim.clearBroker();
    await fault('status', ['provision'], { status: 422, error: 'ConcurrencyError' });
    const refused = await k8s()('POST', '/service_instances', {
      name: 'busy',
      service: 'sample-db',
      plan: 'small',
    });
    expect(refused).toMatchObject({ status: 422, body: { error: 'ConcurrencyError' } });
    // Waits out the time a mitigation would take to start: there is no signal for one that never comes.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await sim.brokerRequests()).filter((request) => request.method === 'DELETE')).toEqual([]);
  });
});

describe('maximum polling duration', () => {
  it('exceeded: the operation fails and the instance is mitigated as an orphan', async () => {
    const sim = await startPlatformSimulator({
      config: {
        sampleBroker: { asyncDelayMs: 1500, retryAfterSeconds: 0 },
        platforms: [
          { name: 'k8s-dev', type: 'kubernetes', maxPollingSeconds: 0.5, pollIntervalSeconds: 0.1 },
        ],
      },
    });
    sims.push(sim);
    const created = await sim.platform('k8s-dev')('POST', '/service_instances?wait=true', {
      name: 'too-slow',
      service: 'sample-async',
      plan: 'standard',
    });
    expect(created).toMatchObject({
      status: 201,
      body: {
        state: 'failed',
        last_operation: { description: expect.stringMatching(/stopped polling after 0.5 s/) },
      },
    });
    await mitigated(sim, `/v2/service_instances/${created.body.id}`, 15_000);
  }, 20_000);
});
