import { describe, expect, it, vi } from 'vitest';
import { control, fastSimulatorForFile } from '../helpers/recorded-session';

const setup = fastSimulatorForFile();

const api = (method: string, path: string, body?: unknown) => control(setup.controlUrl, method, path, body);

const scenario = (name: string) => ({
  name,
  steps: [
    { platform: 'cf-dev', action: 'provision', as: 'db', name, offering: 'sample-db', plan: 'small' },
    { action: 'bind', as: 'app', name: `${name}-binding`, instance: 'db' },
    { action: 'unbind', binding: 'app' },
  ],
});

/** The run once `ready` says so (polled, bounded). */
const runWhen = (id: string, ready: (run: { status: string; pausedBefore?: number }) => boolean) =>
  vi.waitFor(
    async () => {
      const { body } = await api('GET', `/scenario-runs/${id}`);
      if (!ready(body)) throw new Error(`scenario run ${id}: ${body.status} before ${body.pausedBefore}`);
      return body;
    },
    { timeout: 15_000, interval: 20 },
  );

const states = (run: { steps: Array<{ state: string }> }) => run.steps.map((step) => step.state);

describe('a scenario run step by step', () => {
  it('waits before each step, answers its state while paused, and runs one step per "next"', async () => {
    const started = await api('POST', '/scenarios/run', { scenario: scenario('stepped'), stepByStep: true });
    expect(started.status).toBe(201);
    const { id } = started.body;

    const first = await runWhen(id, (run) => run.status === 'paused');
    expect(first).toMatchObject({ status: 'paused', pausedBefore: 0, stepByStep: true });
    expect(states(first)).toEqual(['pending', 'pending', 'pending']);

    const released = await api('POST', `/scenario-runs/${id}/next`);
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ status: 'running' });
    const second = await runWhen(id, (run) => run.status === 'paused' && run.pausedBefore === 1);
    expect(states(second)).toEqual(['passed', 'pending', 'pending']);
    // The provision's flow is the step's: its platform call and the hops to the broker.
    expect(second.steps[0].flows).toHaveLength(1);
    const flow = await api('GET', `/flows/${second.steps[0].flows[0]}`);
    expect(flow.body).toMatchObject({ operation: 'provision', platform: 'cf-dev' });

    await api('POST', `/scenario-runs/${id}/next`);
    const third = await runWhen(id, (run) => run.status === 'paused' && run.pausedBefore === 2);
    expect(states(third)).toEqual(['passed', 'passed', 'pending']);
    expect(third.steps[1].flows).toHaveLength(1);
    expect(third.steps[1].flows).not.toContain(third.steps[0].flows[0]);

    await api('POST', `/scenario-runs/${id}/next`);
    const done = await runWhen(id, (run) => run.status !== 'running' && run.status !== 'paused');
    expect(done.status).toBe('passed');
    expect(done.pausedBefore).toBeUndefined();
    expect(states(done)).toEqual(['passed', 'passed', 'passed']);
    expect(done.steps.every((step: { flows: string[] }) => step.flows.length >= 1)).toBe(true);

    const late = await api('POST', `/scenario-runs/${id}/next`);
    expect(late.status).toBe(409);
    expect(late.body.description).toContain('waits for no step (it is passed)');
  });

  it('"continue" runs the step it waits before and every later one without a pause', async () => {
    const started = await api('POST', '/scenarios/run', {
      scenario: scenario('continued'),
      stepByStep: true,
    });
    await runWhen(started.body.id, (run) => run.status === 'paused');
    expect((await api('POST', `/scenario-runs/${started.body.id}/continue`)).status).toBe(200);
    const done = await runWhen(started.body.id, (run) => run.status === 'passed' || run.status === 'failed');
    expect(states(done)).toEqual(['passed', 'passed', 'passed']);
    const paused = (setup.sim.simulator.events.since(0) ?? []).filter(
      (event) =>
        event.type === 'scenario.paused' && (event.data as { runId: string }).runId === started.body.id,
    );
    expect(paused).toHaveLength(1);
  });

  it('in slow mode waits the chosen delay before each step, in order', async () => {
    const started = await api('POST', '/scenarios/run', { scenario: scenario('slow'), stepDelayMs: 300 });
    expect(started.body).toMatchObject({ stepDelayMs: 300, stepByStep: false });
    const done = await runWhen(started.body.id, (run) => run.status === 'passed' || run.status === 'failed');
    const steps = (setup.sim.simulator.events.since(0) ?? []).filter(
      (event) => event.type === 'scenario.step' && (event.data as { runId: string }).runId === done.id,
    );
    expect(steps.map((event) => (event.data as { index: number; state: string }).state)).toEqual([
      'running',
      'passed',
      'running',
      'passed',
      'running',
      'passed',
    ]);
    // Each step starts after the delay that follows the previous step's end.
    for (const index of [2, 4]) {
      const gap = Date.parse(steps[index]!.at) - Date.parse(steps[index - 1]!.at);
      expect(gap).toBeGreaterThanOrEqual(290);
    }
  });

  it('answers 404 for an unknown run and 409 for a run that is not stepped', async () => {
    const unknown = await api('POST', '/scenario-runs/no-such-run/next');
    expect(unknown).toMatchObject({ status: 404, body: { error: 'NotFound' } });
    const started = await api('POST', '/scenarios/run', { scenario: scenario('unstepped') });
    const answer = await api('POST', `/scenario-runs/${started.body.id}/next`);
    expect(answer).toMatchObject({ status: 409, body: { error: 'Conflict' } });
    await runWhen(started.body.id, (run) => run.status === 'passed' || run.status === 'failed');
  });
});
