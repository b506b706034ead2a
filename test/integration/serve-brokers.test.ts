import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, startServe } from '../helpers/cli';
import { startFakeBroker, validCatalog } from '../helpers/fake-broker';
import { tempDir } from '../helpers/temp-dir';

/** A platform learns of a change within a second or so; a loaded CI machine may take longer. */
const SYNCED = { timeout: 10_000 };

const PASSWORD = 'broker-secret-1234';
let dir: Awaited<ReturnType<typeof tempDir>>;
const closing: Array<() => Promise<unknown>> = [];
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()));
  await dir.remove();
});

async function fakeBroker() {
  const catalog = validCatalog(['small', 'large']);
  const broker = await startFakeBroker({ catalog });
  closing.push(broker.close);
  return { ...broker, service: catalog.services[0]!.name };
}

async function serve(extra: string[], env: NodeJS.ProcessEnv = {}) {
  const run = await startServe(dir.path, extra, env);
  closing.push(async () => {
    run.child.kill('SIGTERM');
    await run.exited;
  });
  return run;
}

/** `smsim serve` with one `--broker` (user `u`) that is not meant to start: the caller awaits its exit. */
const serveRefused = (broker: string, password: string | undefined) =>
  runCli(['serve', '--port-base', '0', '--data', dir.path, '--broker', broker, '--broker-username', 'u'], {
    SMSIM_BROKER_PASSWORD: password,
  });

const get = async (url: string) => (await fetch(url)).json();
const marketplace = async (control: string, platform: string) =>
  ((await get(`${control}/api/platforms/${platform}/marketplace`)).items as Array<{ name: string }>).map(
    (offering) => offering.name,
  );
const smBrokers = async (control: string) =>
  (await get(`${control}/api/sm/service_brokers`)).items as Array<{
    id: string;
    name: string;
    broker_url: string;
  }>;

describe('smsim serve --broker', () => {
  it("registers the broker at start and its plans appear in both platforms' marketplaces", async () => {
    const broker = await fakeBroker();
    const run = await serve(['--broker', `my=${broker.url}`, '--broker-username', 'u'], {
      SMSIM_BROKER_PASSWORD: PASSWORD,
    });
    expect(run.output()).toMatch(new RegExp(`broker my \\(2 plans, public\\)\\s*│ ${broker.url}\\s*│ u`));
    expect(run.output()).not.toContain(PASSWORD);
    for (const platform of ['cf-dev', 'k8s-dev'])
      await expect.poll(() => marketplace(run.controlUrl, platform), SYNCED).toContain(broker.service);
  });

  it('--private registers the broker without publishing a plan', async () => {
    const broker = await fakeBroker();
    const run = await serve([
      '--broker',
      `mine=${broker.url}`,
      '--broker-username',
      'u',
      '--broker-password',
      PASSWORD,
      '--private',
    ]);
    expect(run.output()).toContain('broker mine (2 plans, private)');
    const id = (await smBrokers(run.controlUrl)).find((candidate) => candidate.name === 'mine')?.id;
    for (const platform of ['cf-dev', 'k8s-dev']) {
      // Once the platform has the broker, its marketplace is what the visibilities allow: nothing of it.
      await expect
        .poll(
          async () =>
            (
              (await get(`${run.controlUrl}/api/platforms/${platform}/service_brokers`)).items as Array<{
                name: string;
              }>
            ).map((registered) => registered.name),
          SYNCED,
        )
        .toContain(`sm-mine-${id}`);
      expect(await marketplace(run.controlUrl, platform)).not.toContain(broker.service);
    }
  });

  it('a restart with the same data folder points the broker at its new URL instead of failing on the name', async () => {
    const first = await fakeBroker();
    const args = (url: string) => ['--broker', `my=${url}`, '--broker-username', 'u'];
    const env = { SMSIM_BROKER_PASSWORD: PASSWORD };
    const before = await serve(args(first.url), env);
    before.child.kill('SIGTERM');
    expect(await before.exited).toBe(0);

    const second = await fakeBroker();
    const after = await serve(args(second.url), env);
    const brokers = (await smBrokers(after.controlUrl)).filter((broker) => broker.name === 'my');
    expect(brokers.map((broker) => broker.broker_url)).toEqual([second.url]);
    expect(second.state.calls).toBeGreaterThan(0);
  });

  it('registers the brokers of the config key brokers, with their own credentials, public: false kept private', async () => {
    const open = await fakeBroker();
    const closed = await fakeBroker();
    const config = join(dir.path, 'config.json');
    await writeFile(
      config,
      JSON.stringify({
        brokers: [
          { name: 'open', url: open.url, username: 'a', password: PASSWORD },
          { name: 'closed', url: closed.url, username: 'b', password: PASSWORD, public: false },
        ],
      }),
    );
    const run = await serve(['--config', config]);
    expect(run.output()).toContain('broker open (2 plans, public)');
    expect(run.output()).toContain('broker closed (2 plans, private)');
    expect(run.output()).not.toContain(PASSWORD);
    await expect.poll(() => marketplace(run.controlUrl, 'cf-dev'), SYNCED).toContain(open.service);
    expect(await marketplace(run.controlUrl, 'cf-dev')).not.toContain(closed.service);
  });

  it('a broker that is down: one sentence naming it, exit code 2, no server left running', async () => {
    const broker = await fakeBroker();
    await broker.close();
    const run = serveRefused(`gone=${broker.url}`, PASSWORD);
    expect(await run.exited).toBe(2);
    const lines = run
      .output()
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('{'));
    expect(lines).toEqual([
      `smsim: Broker "gone" is unreachable at ${broker.url} (ECONNREFUSED). Is it running?`,
    ]);
    expect(run.output()).not.toContain('smsim ready');
  });

  it('a broker that refuses the credentials: exit code 2 with its answer', async () => {
    const broker = await startFakeBroker({ catalog: {}, status: 401 });
    closing.push(broker.close);
    const run = serveRefused(`locked=${broker.url}`, PASSWORD);
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/Broker "locked" answered 401 to GET \/v2\/catalog/);
    expect(run.output()).not.toContain(PASSWORD);
  });

  it('a --broker without a password names SMSIM_BROKER_PASSWORD, exit code 2', async () => {
    const run = serveRefused('my=http://127.0.0.1:9', undefined);
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/SMSIM_BROKER_PASSWORD/);
  });

  it('refuses a --broker that is not NAME=URL, exit code 2', async () => {
    const run = runCli(['serve', '--data', dir.path, '--broker', 'http://127.0.0.1:9']);
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/NAME=URL/);
  });
});
