import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EventBus, type SimEvent } from '../../main/core/events';
import { createLogger } from '../../main/logging';
import { jsonErrorHandler } from '../../main/servers/http/errors';
import { listen, type RunningServer } from '../../main/servers/http/listen';
import { CHECKS, checkRouter } from '../../main/workflows/conformance';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

let sim: TestSimulator;
let api: RunningServer;
const events: SimEvent[] = [];

beforeAll(async () => {
  sim = await startTestSimulator({ config: { sampleBroker: { asyncDelayMs: 100, retryAfterSeconds: 0 } } });
  const broker = sim.simulator.endpoints.sampleBroker!;
  const bus = new EventBus();
  bus.subscribe((event) => events.push(event));
  const app = express();
  app.use(
    '/api/fixtures',
    checkRouter({
      brokers: () => [{ id: 'sample-id', name: 'sample', url: broker.url, credentials: broker.credentials }],
      events: bus,
    }),
  );
  app.use(jsonErrorHandler(createLogger('silent')));
  api = await listen(app, '127.0.0.1', 0);
});

afterAll(async () => {
  await api.close();
  await sim.cleanup();
});

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${api.url}/api/fixtures${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** Polls GET /checks/:id (bounded) until the run is no longer running. */
function finished(id: string) {
  return vi.waitFor(
    async () => {
      const run = await call('GET', `/checks/${id}`);
      if (run.body.status === 'running') throw new Error(`check run ${id} still running`);
      return run.body;
    },
    { timeout: 10_000, interval: 50 },
  );
}

describe('the check router (control API for the Fixtures view)', () => {
  it('runs a registered broker in the background and gives the results grouped by area', async () => {
    const started = await call('POST', '/checks', { broker_id: 'sample-id' });
    expect(started).toEqual({ status: 202, body: { id: expect.any(String) } });
    const running = await call('GET', `/checks/${started.body.id}`);
    expect(running.body).toMatchObject({ status: 'running', broker: { id: 'sample-id', name: 'sample' } });

    const run = await finished(started.body.id);
    expect(run).toMatchObject({
      status: 'finished',
      progress: { done: CHECKS.length, total: CHECKS.length },
      summary: { total: CHECKS.length, fail: 0 },
      orphans: [],
      plans: { sync: { offering: 'sample-db' } },
    });
    expect(run.areas.map((area: { area: string }) => area.area)).toEqual([
      'catalog',
      'auth',
      'provision',
      'polling',
      'update',
      'binding',
      'delete',
      'orphan',
      'cleanup',
    ]);
    const provision = run.areas.find((area: { area: string }) => area.area === 'provision');
    expect(provision.summary).toMatchObject({ total: 10, pass: 10 });
    expect(provision.checks[0]).toMatchObject({
      id: 'provision.missing-ids',
      status: 'pass',
      evidence: expect.any(Array),
    });

    const list = await call('GET', '/checks');
    expect(list.body[0]).toMatchObject({ id: started.body.id, status: 'finished', summary: { fail: 0 } });
    const mine = events.filter((event) => (event.data as { id: string }).id === started.body.id);
    expect(mine.filter((event) => event.type === 'check.progress').length).toBeGreaterThanOrEqual(
      CHECKS.length,
    );
    expect(mine.at(-1)).toMatchObject({
      type: 'check.finished',
      data: { status: 'finished', summary: { fail: 0 } },
    });
  });

  it('checks any broker by URL, and shows the checks not run yet as pending', async () => {
    const broker = sim.simulator.endpoints.sampleBroker!;
    const started = await call('POST', '/checks', {
      broker_url: broker.url,
      ...broker.credentials,
      skipDestructive: true,
    });
    expect(started.status).toBe(202);
    const first = await call('GET', `/checks/${started.body.id}`);
    const statuses = first.body.areas.flatMap((area: { checks: Array<{ status: string }> }) =>
      area.checks.map((entry) => entry.status),
    );
    expect(statuses).toHaveLength(CHECKS.length);
    const run = await finished(started.body.id);
    expect(run.summary).toMatchObject({ fail: 0, skip: expect.any(Number) });
    expect(run.broker).toEqual({ url: broker.url });
  });

  it('takes asyncPlans: the named plan becomes the async plan, not the sync one', async () => {
    const broker = sim.simulator.endpoints.sampleBroker!;
    const started = await call('POST', '/checks', {
      broker_url: broker.url,
      ...broker.credentials,
      asyncPlans: ['sample-db/small'],
    });
    expect(started.status).toBe(202);
    const run = await finished(started.body.id);
    expect(run.plans.async).toMatchObject({ offering: 'sample-db', plan: 'small' });
    expect(run.plans.sync).not.toMatchObject({ offering: 'sample-db', plan: 'small' });
  });

  it('refuses requests that name no broker, unknown brokers and unknown runs', async () => {
    expect((await call('POST', '/checks', {})).status).toBe(400);
    expect(
      (await call('POST', '/checks', { broker_url: 'ftp://x', username: 'u', password: 'p' })).status,
    ).toBe(400);
    expect((await call('POST', '/checks', { broker_id: 'nope' })).status).toBe(404);
    expect((await call('GET', '/checks/nope')).status).toBe(404);
  });
});
