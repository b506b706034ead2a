import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServe } from '../helpers/cli';
import { startFakeBroker, validCatalog } from '../helpers/fake-broker';
import { tempDir } from '../helpers/temp-dir';

/** A platform learns of a change within a second or so; a loaded CI machine may take longer. */
const SYNCED = { timeout: 10_000 };

const PASSWORD = 'broker-secret-5678';
let dir: Awaited<ReturnType<typeof tempDir>>;
let serve: Awaited<ReturnType<typeof startServe>>;
let broker: Awaited<ReturnType<typeof startFakeBroker>>;
let service: string;

beforeAll(async () => {
  dir = await tempDir();
  const catalog = validCatalog(['small', 'large']);
  service = catalog.services[0]!.name;
  broker = await startFakeBroker({ catalog });
  serve = await startServe(dir.path);
});
afterAll(async () => {
  serve?.child.kill('SIGTERM');
  await serve?.exited;
  await broker?.close();
  await dir?.remove();
});

async function smsimBroker(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = runCli(['broker', ...args, '--against', serve.controlUrl], env);
  return { code: await run.exited, output: run.output() };
}

const marketplace = async (platform: string) =>
  (
    (await (await fetch(`${serve.controlUrl}/api/platforms/${platform}/marketplace`)).json()).items as Array<{
      name: string;
    }>
  ).map((offering) => offering.name);

describe('smsim broker against a running smsim', () => {
  it('registers privately, lists, publishes to both marketplaces, and removes a broker', async () => {
    const registered = await smsimBroker(
      ['register', 'mine', broker.url, '--broker-username', 'u', '--private'],
      { SMSIM_BROKER_PASSWORD: PASSWORD },
    );
    expect(registered).toEqual({
      code: 0,
      output: `broker mine registered at ${broker.url}: 2 plans, private\n`,
    });

    const listed = await smsimBroker(['list', '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.output)).toContainEqual(
      expect.objectContaining({ name: 'mine', url: broker.url, username: 'u', plans: 2, publicPlans: 0 }),
    );
    expect(listed.output).not.toContain(PASSWORD);
    const table = await smsimBroker(['list']);
    expect(table.output).toMatch(/mine\s*│ http:\/\/127\.0\.0\.1:\d+\s*│ u\s*│ 2 plans, private/);
    expect(table.output).toMatch(/sample\s*│/);

    const published = await smsimBroker(['publish', 'mine']);
    expect(published).toEqual({ code: 0, output: 'broker mine: 2 plans, public\n' });
    for (const platform of ['cf-dev', 'k8s-dev'])
      await expect.poll(() => marketplace(platform), SYNCED).toContain(service);

    const again = await smsimBroker(['register', 'mine', broker.url, '--broker-username', 'v'], {
      SMSIM_BROKER_PASSWORD: PASSWORD,
    });
    expect(again).toEqual({ code: 0, output: `broker mine updated at ${broker.url}: 2 plans, public\n` });

    expect(await smsimBroker(['remove', 'mine'])).toEqual({ code: 0, output: 'broker mine removed\n' });
    for (const platform of ['cf-dev', 'k8s-dev'])
      await expect.poll(() => marketplace(platform), SYNCED).not.toContain(service);
  });

  it('no broker of that name, a broker that is down, a missing password: exit code 2 with one sentence', async () => {
    const missing = await smsimBroker(['publish', 'nobody']);
    expect(missing).toEqual({ code: 2, output: 'smsim broker: There is no broker named nobody.\n' });

    const down = await smsimBroker([
      'register',
      'down',
      'http://127.0.0.1:9',
      '--broker-username',
      'u',
      '--broker-password',
      PASSWORD,
    ]);
    expect(down).toEqual({
      code: 2,
      output:
        'smsim broker: Broker "down" is unreachable at http://127.0.0.1:9 (ECONNREFUSED). Is it running?\n',
    });

    const noPassword = await smsimBroker(['register', 'x', broker.url, '--broker-username', 'u'], {
      SMSIM_BROKER_PASSWORD: undefined,
    });
    expect(noPassword.code).toBe(2);
    expect(noPassword.output).toMatch(/SMSIM_BROKER_PASSWORD/);
  });

  it("a broker with instances is refused: exit code 1 with the Service Manager's sentence", async () => {
    const created = await fetch(`${serve.controlUrl}/api/platforms/cf-dev/service_instances?wait=true`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'kept', service: 'sample-logs', plan: 'basic' }),
    });
    expect(created.status).toBe(201);
    const refused = await smsimBroker(['remove', 'sample']);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(
      /^smsim broker: Broker "sample" still has 1 service instance\(s\) \(kept\)/,
    );
  });

  it('a smsim that is not running: exit code 2 saying how to start it', async () => {
    const gone = await startFakeBroker({ catalog: {} });
    await gone.close();
    const run = runCli(['broker', 'list', '--against', gone.url]);
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(
      new RegExp(`^smsim broker: no simulator answers at ${gone.url} \\(ECONNREFUSED\\)`),
    );
  });
});
