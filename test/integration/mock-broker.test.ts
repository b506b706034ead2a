import type { Har } from 'har-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../main/workflows/recordings/rules';
import { runScenario, type ScenarioResult } from '../../main/workflows/scenarios';
import { control, fastSimulator, recordSession, session } from '../helpers/recorded-session';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

let recordedSim: TestSimulator;
let mockSim: TestSimulator;
let har: Har;
let recorded: ScenarioResult;

beforeAll(async () => {
  [recordedSim, mockSim] = await Promise.all([
    startTestSimulator(fastSimulator),
    startTestSimulator({ ...fastSimulator, sampleBroker: false }),
  ]);
  ({ har, result: recorded } = await recordSession(recordedSim.simulator.endpoints.control.url));
});
afterAll(async () => {
  await Promise.all([recordedSim?.cleanup(), mockSim?.cleanup()]);
});

/** What a platform user sees of a step's answer: its state, plan, operation and credential keys. */
function visible(result: ScenarioResult) {
  const bodies = Object.entries(result.results).map(([name, body]) => {
    const { state, plan, service, last_operation, credentials } = body as Record<string, unknown>;
    const keys = credentials && typeof credentials === 'object' ? Object.keys(credentials).sort() : null;
    return {
      name,
      state,
      plan,
      service,
      last_operation: (last_operation as { state?: unknown }).state,
      keys,
    };
  });
  return { steps: result.steps.map(({ title, state, status }) => ({ title, state, status })), bodies };
}

describe('mock broker', () => {
  it('serves a recording registered in the simulator: the session gives the same platform-visible results', async () => {
    const mockControl = mockSim.simulator.endpoints.control.url;
    const registered = await control(mockControl, 'POST', '/mock-brokers', { name: 'sample', har });
    expect(registered.status).toBe(201);
    const replayed = await runScenario(session, { controlUrl: mockControl });
    expect(replayed.failure).toBeUndefined();
    expect(visible(replayed)).toEqual(visible(recorded));
    expect((await control(mockControl, 'GET', '/mock-brokers')).body.items).toHaveLength(1);
  });

  it('answers an unrecorded request with 404 naming the closest recorded request', async () => {
    const { body } = await control(mockSim.simulator.endpoints.control.url, 'GET', '/mock-brokers');
    const response = await fetch(`${body.items[0].url}/v2/service_instances/x-1?accepts_incomplete=true`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ service_id: 'unknown', plan_id: 'unknown' }),
    });
    expect(response.status).toBe(404);
    const answer = await response.json();
    expect(answer.error).toBe('NotRecorded');
    expect(answer.description).toMatch(
      /no answer to PUT \/v2\/service_instances\/:id .*closest recorded request is #\d+ PUT \/v2\/service_instances\/:id \(provision\)/,
    );
  });

  it('takes the rules file content: mock.ignoredPaths leaves the parameters out of the match', async () => {
    const controlUrl = mockSim.simulator.endpoints.control.url;
    // Catalog ids are unique across brokers: the first mock of this recording goes first.
    const first = (await control(controlUrl, 'GET', '/mock-brokers')).body.items[0];
    expect((await control(controlUrl, 'DELETE', `/sm/service_brokers/${first.brokerId}`)).status).toBe(200);
    const rules = {
      ...DEFAULT_RULES,
      mock: { ignoredPaths: ['$.parameters.**', '$.context.instance_name'] },
    };
    const registered = await control(controlUrl, 'POST', '/mock-brokers', {
      name: 'loose',
      har,
      rules,
      public: false,
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const provision = har.log.entries.find((entry) => entry.request.method === 'PUT')!;
    const body = { ...JSON.parse(provision.request.postData!.text!), parameters: { size: 'xl' } };
    const response = await fetch(
      `${registered.body.url}/v2/service_instances/any-new-id?accepts_incomplete=true`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    expect(response.status).toBe(provision.response.status);
  });
});
