import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type Scenario, shippedScenarios } from '../../main/workflows/scenarios';
import { fastSimulator } from '../helpers/recorded-session';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

/** A `${name.field}` reference of a scenario. */
const ref = (path: string) => `\${${path}}`;

let sim: TestSimulator;
let controlUrl: string;
beforeAll(async () => {
  sim = await startTestSimulator(fastSimulator);
  controlUrl = sim.simulator.endpoints.control.url;
});
afterAll(() => sim?.cleanup());

const shipped = await shippedScenarios();

describe('scenarios', () => {
  it('ships the sharing, async and orphan mitigation scenarios, every file valid', () => {
    expect(shipped.map((entry) => entry.file)).toEqual(
      expect.arrayContaining(['async-provisioning.json', 'instance-sharing.json', 'orphan-mitigation.json']),
    );
    for (const entry of shipped) expect(entry).not.toHaveProperty('error');
  });

  for (const entry of shipped) {
    it(`the shipped scenario ${entry.file} passes`, async () => {
      const result = await runScenario((entry as { scenario: Scenario }).scenario, { controlUrl });
      expect(result.failure).toBeUndefined();
      expect(result.steps.every((step) => step.state === 'passed')).toBe(true);
    });
  }

  it('a wrong expectation fails naming the step, the expected and the actual value', async () => {
    const seen: string[] = [];
    const result = await runScenario(
      {
        name: 'wrong',
        steps: [
          {
            action: 'provision',
            as: 'db',
            name: 'wrong-db',
            offering: 'sample-db',
            plan: 'small',
            expect: { plan: 'large' },
          },
          { action: 'deprovision', instance: 'db' },
        ],
      },
      { controlUrl, onStep: (step) => seen.push(`${step.index}:${step.state}`) },
    );
    expect(result.passed).toBe(false);
    expect(result.failure).toBe('step 1 "provision db" on cf-dev: expected plan = "large", got "small"');
    expect(result.steps.map((step) => step.state)).toEqual(['failed', 'skipped']);
    expect(seen).toEqual(['0:running', '0:failed', '1:skipped']);
  });

  it('resolves name.field references and names an unknown one', async () => {
    const result = await runScenario(
      {
        name: 'refs',
        steps: [
          { action: 'provision', as: 'db', name: 'refs-db', offering: 'sample-db', plan: 'small' },
          { action: 'expect-state', instance: ref('db.id'), expect: { name: ref('db.name') } },
          { action: 'deprovision', instance: ref('db.nope') },
          { action: 'deprovision', instance: 'db' },
        ],
      },
      { controlUrl },
    );
    expect(result.steps.map((step) => step.state)).toEqual(['passed', 'passed', 'failed', 'skipped']);
    expect(result.failure).toContain('step "db" has no field nope');
  });
});
