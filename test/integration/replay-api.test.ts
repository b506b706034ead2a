import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { control as callControl, fastSimulator } from '../helpers/recorded-session';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

let sim: TestSimulator;
let controlUrl: string;
let recordingId: string;
let brokerId: string;
const eventTypes: string[] = [];

const control = (method: string, path: string, body?: unknown) => callControl(controlUrl, method, path, body);

/** Starts a replay and polls it to its end. */
async function replayed(body: Record<string, unknown>) {
  const started = await control('POST', '/replays', body);
  expect(started.status).toBe(201);
  return vi.waitFor(
    async () => {
      const { body: run } = await control('GET', `/replays/${started.body.id}`);
      if (run.status === 'running') throw new Error('the replay did not end');
      return run;
    },
    { timeout: 15_000, interval: 50 },
  );
}

beforeAll(async () => {
  sim = await startTestSimulator(fastSimulator);
  controlUrl = sim.simulator.endpoints.control.url;
  sim.simulator.events.subscribe((event) => eventTypes.push(event.type));
  const started = await control('POST', '/recordings', { broker: 'sample' });
  expect(started.status).toBe(201);
  recordingId = started.body.id;
  for (const plan of ['small', 'standard']) {
    const service = plan === 'small' ? 'sample-db' : 'sample-async';
    const created = await control('POST', '/platforms/cf-dev/service_instances?wait=true', {
      name: `replay-${plan}`,
      service,
      plan,
    });
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
  }
  await control('POST', `/recordings/${recordingId}/stop`);
  const { body: brokers } = await control('GET', '/sm/service_brokers');
  brokerId = brokers.items.find((broker: { name: string }) => broker.name === 'sample').id;
});
afterAll(async () => {
  await sim?.cleanup();
});

describe('POST /api/replays', () => {
  it('a recording against the broker it was made with: passed, no difference, events on the bus', async () => {
    const run = await replayed({ recording_id: recordingId, broker_id: brokerId });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe('passed');
    expect(run.progress.done).toBe(run.progress.total);
    expect(run.summary).toMatchObject({ failed: 0 });
    expect(run.results.length).toBeGreaterThan(2);
    expect(run.results.map((result: { operation: string }) => result.operation)).toContain('provision');
    expect(run.results.flatMap((result: { differences: unknown[] }) => result.differences)).toEqual([]);
    expect(eventTypes).toContain('replay.progress');
    expect(eventTypes).toContain('replay.finished');
    const { body: list } = await control('GET', '/replays');
    expect(list.items[0]).toMatchObject({ id: run.id, status: 'passed' });
  });

  it('against a broker that now fails provisions: failed, a difference naming the exchange', async () => {
    const fault = await control('POST', '/sample-broker/faults', {
      kind: 'status',
      status: 500,
      operations: ['provision'],
    });
    expect(fault.status).toBeLessThan(300);
    try {
      const { body: har } = await control('GET', `/recordings/${recordingId}/har`);
      const { url, credentials } = sim.simulator.endpoints.sampleBroker!;
      const run = await replayed({ har, broker_url: url, ...credentials });
      expect(run.status).toBe('failed');
      const failing = run.results.filter((result: { passed: boolean }) => !result.passed);
      expect(failing[0]).toMatchObject({ method: 'PUT', operation: 'provision' });
      expect(failing[0].label).toContain('provision');
      expect(failing[0].differences).toContainEqual({ path: 'status', expected: 201, actual: 500 });
    } finally {
      await control('DELETE', '/sample-broker/faults');
    }
  });

  it('answers 400 for a body it cannot read and 404 for unknown ids', async () => {
    expect((await control('POST', '/replays', { broker_id: brokerId })).status).toBe(400);
    expect((await control('POST', '/replays', { recording_id: recordingId })).status).toBe(400);
    expect((await control('POST', '/replays', { recording_id: recordingId, extra: 1 })).status).toBe(400);
    expect((await control('POST', '/replays', { har: { log: 1 }, broker_id: brokerId })).status).toBe(400);
    expect((await control('POST', '/replays', { recording_id: 'nope', broker_id: brokerId })).status).toBe(
      404,
    );
    expect((await control('POST', '/replays', { recording_id: recordingId, broker_id: 'nope' })).status).toBe(
      404,
    );
    expect((await control('GET', '/replays/nope')).status).toBe(404);
  });
});
