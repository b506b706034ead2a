import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SHIPPED_SCENARIOS_DIR } from '../../main/workflows/scenarios';
import { runCli } from '../helpers/cli';
import { control, fastSimulatorForFile, readHar, runRecord } from '../helpers/recorded-session';

const setup = fastSimulatorForFile();

const api = (method: string, path: string, body?: unknown) => control(setup.controlUrl, method, path, body);

describe('scenarios on the control API', () => {
  it('lists the shipped scenarios and runs one step by step with scenario.step events', async () => {
    const listed = await api('GET', '/scenarios');
    expect(listed.body.items.map((item: { file: string }) => item.file)).toContain('orphan-mitigation.json');
    const started = await api('POST', '/scenarios/run', { name: 'orphan-mitigation.json', stepDelayMs: 10 });
    expect(started.status).toBe(201);
    const run = await vi.waitFor(
      async () => {
        const { body } = await api('GET', `/scenario-runs/${started.body.id}`);
        if (body.status === 'running') throw new Error(`scenario run ${started.body.id} still running`);
        return body;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(run).toMatchObject({ status: 'passed', name: 'orphan mitigation after a broker failure' });
    expect(run.steps.map((step: { state: string }) => step.state)).toEqual(Array(5).fill('passed'));
    const events = (setup.sim.simulator.events.since(0) ?? []).filter(
      (event) => event.type === 'scenario.step' && (event.data as { runId: string }).runId === run.id,
    );
    expect(events.map((event) => (event.data as { state: string }).state)).toEqual(
      Array(5).fill(['running', 'passed']).flat(),
    );
  });

  it('refuses an invalid scenario with the field named', async () => {
    const answer = await api('POST', '/scenarios/run', {
      scenario: { name: 'x', steps: [{ action: 'fly' }] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.description).toContain('steps[0].action');
  });

  it("refuses a scenario that reads the environment: the simulator's variables are not the caller's", async () => {
    const reference = `\${env.HOME}`;
    const answer = await api('POST', '/scenarios/run', {
      scenario: { name: 'env', steps: [{ action: 'provision', name: reference, offering: 'o', plan: 'p' }] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.description).toContain('reads the environment (HOME)');
  });
});

describe('smsim run and smsim record', () => {
  it('run: exit 0 and a live step log for a passing scenario, exit 1 naming the failed step', async () => {
    const ok = runCli([
      'run',
      join(SHIPPED_SCENARIOS_DIR, 'orphan-mitigation.json'),
      '--against',
      setup.controlUrl,
    ]);
    expect(await ok.exited, ok.output()).toBe(0);
    expect(ok.output()).toContain('✓ step 2 "provision broken" on cf-dev → 500');
    const wrong = join(setup.dir.path, 'wrong.yaml');
    await writeFile(wrong, 'name: wrong\nsteps:\n  - action: set-fault\n    expect: { status: 201 }\n');
    const failed = runCli(['run', wrong, '--against', setup.controlUrl]);
    expect(await failed.exited).toBe(1);
    expect(failed.output()).toContain('step 1 "set-fault": expected status = 201, got 204');
  });

  it('record: writes the HAR of a scenario and its rules', async () => {
    const out = join(setup.dir.path, 'cli.har');
    const scenario = join(SHIPPED_SCENARIOS_DIR, 'orphan-mitigation.json');
    const run = runRecord(setup.controlUrl, out, ['--scenario', scenario]);
    expect(await run.exited, run.output()).toBe(0);
    const har = await readHar(out);
    expect(har.log.entries.map((entry) => entry.request.method)).toEqual([
      'GET',
      'PUT',
      'DELETE',
      'PUT',
      'DELETE',
    ]);
    expect(JSON.parse(await readFile(join(setup.dir.path, 'cli.rules.json'), 'utf8')).idTemplating).toBe(
      true,
    );
  });
});
