import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replay, runScenario, type Simulator, shippedFixture, startMockBroker, startSimulator } from 'smsim';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Our set-up only: the "author's broker" is the shipped recording of the sample broker, served as a mock.
const mock = await startMockBroker('fixtures/recordings/sample-session.har');
Object.assign(process.env, { BROKER_URL: mock.url, BROKER_USER: 'author', BROKER_PASSWORD: 'secret' });
afterAll(() => mock.close());

// The README example ("Testing your broker with smsim"), verbatim from here on.
const broker = {
  url: process.env.BROKER_URL ?? 'http://127.0.0.1:8080',
  username: process.env.BROKER_USER ?? 'admin',
  password: process.env.BROKER_PASSWORD ?? 'admin',
};
let sim: Simulator;
let dataDir: string;

beforeAll(async () => {
  // Every server on a free port, a throw-away data folder, and no sample broker: only yours.
  dataDir = await mkdtemp(join(tmpdir(), 'smsim-'));
  sim = await startSimulator({ portBase: 0, dataDir, logLevel: 'silent', sampleBroker: false });
});
afterAll(async () => {
  await sim.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it('provisions, binds, unbinds and deprovisions from Cloud Foundry', async () => {
  const result = await runScenario(
    {
      name: 'my broker on cf-dev',
      steps: [
        { action: 'register-broker', name: 'mine', ...broker },
        { platform: 'cf-dev', action: 'provision', as: 'db', offering: 'sample-db', plan: 'small' },
        { action: 'bind', as: 'app', instance: 'db', expect: { state: 'succeeded' } },
        { action: 'unbind', binding: 'app' },
        { action: 'deprovision', instance: 'db' },
      ],
    },
    { controlUrl: sim.endpoints.control.url },
  );
  expect(result.failure).toBeUndefined();
});

it('answers a recorded session as it did when it was recorded', async () => {
  const report = await replay(shippedFixture('recordings/sample-session.har'), {
    brokerUrl: broker.url,
    username: broker.username,
    password: broker.password,
  });
  expect(report.results.filter((exchange) => !exchange.passed)).toEqual([]);
});
