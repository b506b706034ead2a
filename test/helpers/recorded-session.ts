import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Har } from 'har-format';
import { afterAll, beforeAll } from 'vitest';
import { loadScenario, runScenario, SHIPPED_SCENARIOS_DIR } from '../../main/workflows/scenarios';
import { runCli } from './cli';
import { startTestSimulator, type TestSimulator } from './simulator';
import { tempDir } from './temp-dir';

/** The shipped lifecycle scenario: a sync and an async service, provision, bind, unbind, deprovision each. */
export const session = await loadScenario(join(SHIPPED_SCENARIOS_DIR, 'lifecycle.json'));

/** A simulator whose async operations end fast: short broker delay, platforms polling every 100 ms. */
export const fastSimulator = {
  config: {
    sampleBroker: { asyncDelayMs: 100, retryAfterSeconds: 0 },
    platforms: [
      { name: 'cf-dev', type: 'cloudfoundry' as const, pollIntervalSeconds: 0.1 },
      { name: 'k8s-dev', type: 'kubernetes' as const, pollIntervalSeconds: 0.1 },
    ],
  },
};

/** For all the tests of the calling file: one `fastSimulator` and a temp folder, removed after the last. */
export function fastSimulatorForFile() {
  const shared = {} as { sim: TestSimulator; dir: Awaited<ReturnType<typeof tempDir>>; controlUrl: string };
  beforeAll(async () => {
    shared.sim = await startTestSimulator(fastSimulator);
    shared.dir = await tempDir();
    shared.controlUrl = shared.sim.simulator.endpoints.control.url;
  });
  afterAll(async () => {
    await shared.sim?.cleanup();
    await shared.dir?.remove();
  });
  return shared;
}

/** A JSON call to a simulator's control API. */
export async function control(controlUrl: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${controlUrl}/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: test answers are read field by field
  const parsed: any = await response.json().catch(() => undefined);
  return { status: response.status, body: parsed };
}

/** Records `session` against the broker `sample` through the control API; returns the HAR and the run. */
export async function recordSession(controlUrl: string) {
  const started = await control(controlUrl, 'POST', '/recordings', { broker: 'sample' });
  if (started.status !== 201) throw new Error(`recording not started: ${JSON.stringify(started.body)}`);
  const result = await runScenario(session, { controlUrl });
  if (result.failure) throw new Error(result.failure);
  const stopped = await control(controlUrl, 'POST', `/recordings/${started.body.id}/stop`);
  const har = (await control(controlUrl, 'GET', `/recordings/${started.body.id}/har`)).body as Har;
  return { har, result, recording: stopped.body };
}

/** `smsim record` of the broker `broker` on the simulator at `controlUrl` into the HAR file `out`. */
export const runRecord = (controlUrl: string, out: string, extra: string[] = [], broker = 'sample') =>
  runCli(['record', '--against', controlUrl, '--broker', broker, '--out', out, ...extra]);

/** The HAR file `smsim record` wrote. */
export const readHar = async (out: string) => JSON.parse(await readFile(out, 'utf8')) as Har;
