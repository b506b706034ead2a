import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_SCENARIOS_DIR } from '../../main/workflows/scenarios';
import { runCli } from '../helpers/cli';
import { startFakeBroker, validCatalog } from '../helpers/fake-broker';
import { control, fastSimulator } from '../helpers/recorded-session';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

/** A `${name.field}` reference of a scenario. */
const ref = (path: string) => `\${${path}}`;

let sim: TestSimulator;
let controlUrl: string;
let out: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  sim = await startTestSimulator(fastSimulator);
  controlUrl = sim.simulator.endpoints.control.url;
  out = await tempDir('smsim-run-cli-');
});
afterAll(async () => {
  await sim?.cleanup();
  await out?.remove();
});

let written = 0;
/** `smsim run` of `scenario` (written to a file) against the test simulator (or `--against` given in `extra`). */
async function smsimRun(scenario: unknown, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const file = join(out.path, `scenario-${++written}.json`);
  await writeFile(file, JSON.stringify(scenario));
  const against = extra.includes('--against') ? [] : ['--against', controlUrl];
  const run = runCli(['run', file, ...against, ...extra], env);
  return { code: await run.exited, output: run.output() };
}

type JUnitCase = {
  '@_name': string;
  '@_time': string;
  failure?: { '@_message': string };
  skipped?: unknown;
  'system-out'?: string;
};

async function readJUnit(file: string) {
  const xml = await readFile(file, 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  return parser.parse(xml).testsuites.testsuite as Array<{
    '@_name': string;
    '@_time': string;
    testcase: JUnitCase[];
  }>;
}

describe('smsim run (the CLI)', { timeout: 90_000 }, () => {
  it('reads env references: a broker registered from the environment, its password never printed', async () => {
    const broker = await startFakeBroker({ catalog: validCatalog() });
    const password = 'pw-from-the-environment-7f3a';
    try {
      const { code, output } = await smsimRun(
        {
          name: 'env',
          steps: [
            {
              action: 'register-broker',
              title: `register ${ref('env.BROKER_NAME')} with ${ref('env.BROKER_PASSWORD')}`,
              name: ref('env.BROKER_NAME'),
              url: ref('env.BROKER_URL'),
              username: 'ci',
              password: ref('env.BROKER_PASSWORD'),
              public: false,
              expect: { status: 201, broker_url: 'wrong on purpose' },
            },
          ],
        },
        [],
        { BROKER_NAME: 'from-env', BROKER_URL: broker.url, BROKER_PASSWORD: password },
      );
      expect(code, output).toBe(1);
      expect(output).toContain('step 1 "register from-env with [redacted]"');
      expect(output).toContain(`expected broker_url = "wrong on purpose", got "${broker.url}"`);
      expect(output).not.toContain(password);
      const brokers = (await sim.smCall('GET', '/v1/service_brokers')).body.items as Array<{
        name: string;
        broker_url: string;
      }>;
      expect(brokers).toContainEqual(expect.objectContaining({ name: 'from-env', broker_url: broker.url }));
    } finally {
      await broker.close();
    }
  });

  it('an env reference to a variable not set: exit 2 naming it, before any step', async () => {
    const { code, output } = await smsimRun({
      name: 'unset',
      steps: [
        { action: 'provision', as: 'db', offering: 'sample-db', plan: 'small' },
        {
          action: 'register-broker',
          name: 'x',
          url: ref('env.SMSIM_TEST_UNSET_URL'),
          username: 'u',
          password: 'p',
        },
      ],
    });
    expect(code, output).toBe(2);
    expect(output.trim()).toBe(
      `smsim run: the scenario "unset" uses ${ref('env.SMSIM_TEST_UNSET_URL')}, but this environment variable is not set.`,
    );
  });

  it('always steps run after a failed step (the instance is gone), --junit writes the steps with their times', async () => {
    const junit = join(out.path, 'always.xml');
    const { code, output } = await smsimRun(
      {
        name: 'cleanup',
        steps: [
          { action: 'provision', as: 'db', name: 'always-db', offering: 'sample-db', plan: 'small' },
          {
            action: 'expect-state',
            title: `check ${ref('db.name')}`,
            instance: 'db',
            expect: { plan: 'large' },
          },
          { action: 'bind', as: 'app', instance: 'db' },
          { action: 'unbind', binding: 'app', always: true },
          { action: 'deprovision', instance: 'db', always: true },
        ],
      },
      ['--junit', junit],
    );
    expect(code, output).toBe(1);
    expect(output).toContain('✗ step 2 "check always-db" on cf-dev');
    expect(output).toContain('expected plan = "large", got "small"');
    expect(output).toContain('- step 3 "bind app" on cf-dev');
    expect(output).toContain('step 4 "unbind app" on cf-dev (always): not run, step "app" has no result');
    expect(output).toMatch(/✓ step 5 "deprovision db" on cf-dev \(always\) → 200/);
    const instances = (await control(controlUrl, 'GET', '/platforms/cf-dev/service_instances')).body.items;
    expect(instances.map((instance: { name: string }) => instance.name)).not.toContain('always-db');

    const [suite] = await readJUnit(junit);
    expect(suite!['@_name']).toBe('cleanup');
    expect(Number(suite!['@_time'])).toBeGreaterThan(0);
    const cases = suite!.testcase;
    expect(cases.map((testCase) => testCase['@_name'])).toEqual([
      'step 1 "provision db" on cf-dev',
      'step 2 "check always-db" on cf-dev',
      'step 3 "bind app" on cf-dev',
      'step 4 "unbind app" on cf-dev (always)',
      'step 5 "deprovision db" on cf-dev (always)',
    ]);
    expect(
      cases.map((testCase) =>
        'failure' in testCase ? 'failed' : 'skipped' in testCase ? 'skipped' : 'passed',
      ),
    ).toEqual(['passed', 'failed', 'skipped', 'skipped', 'passed']);
    expect(cases[1]!.failure!['@_message']).toContain('expected plan = "large", got "small"');
    expect(Number(cases[0]!['@_time'])).toBeGreaterThan(0);
    expect(cases[4]!['system-out']).toBe('→ 200');
  });

  it('titles name the step a reference points to, no reference left unresolved', async () => {
    const { code, output } = await smsimRun(
      JSON.parse(await readFile(join(SHIPPED_SCENARIOS_DIR, 'async-provisioning.json'), 'utf8')),
    );
    expect(code, output).toBe(0);
    expect(output).toContain('✓ step 6 "expect-state slow" on cf-dev → 404');
    expect(output).not.toMatch(/\$\{/);
  });

  it('an --against nobody listens on: one sentence and exit 2', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const { code, output } = await smsimRun(
      { name: 'nowhere', steps: [{ action: 'provision', offering: 'sample-db', plan: 'small' }] },
      ['--against', `http://127.0.0.1:${port}`],
    );
    expect(code, output).toBe(2);
    expect(output.trim()).toBe(
      `smsim run: no simulator answers at http://127.0.0.1:${port} (ECONNREFUSED); is smsim serve running there?`,
    );
  });

  it('--shard i/n: the shards of a folder partition its scenarios, their union is the unsharded run', async () => {
    const folder = join(out.path, 'shards');
    await mkdir(join(folder, 'nested'), { recursive: true });
    const provisionAndDeprovision = (name: string, plan = 'small') => ({
      name,
      steps: [
        { action: 'provision', as: 'db', name: `${name}-db`, offering: 'sample-db', plan: 'small' },
        { action: 'expect-state', instance: 'db', expect: { plan } },
        { action: 'deprovision', instance: 'db', always: true },
      ],
    });
    const yaml = (scenario: ReturnType<typeof provisionAndDeprovision>) =>
      [
        `name: ${scenario.name}`,
        'steps:',
        ...scenario.steps.map((step) => `  - ${JSON.stringify(step)}`),
      ].join('\n');
    await writeFile(join(folder, 'a.yaml'), yaml(provisionAndDeprovision('shard-a')));
    await writeFile(join(folder, 'b.json'), JSON.stringify(provisionAndDeprovision('shard-b')));
    await writeFile(join(folder, 'nested', 'c.yml'), yaml(provisionAndDeprovision('shard-c')));
    // The last in path order fails: only the shard that runs it exits 1.
    await writeFile(join(folder, 'nested', 'd.yaml'), yaml(provisionAndDeprovision('shard-d', 'large')));
    await writeFile(join(folder, 'notes.txt'), 'not a scenario');

    let report = 0;
    const ran = async (args: string[], given = [folder]) => {
      const junit = join(out.path, `shards-${++report}.xml`);
      const run = runCli(['run', ...given, '--against', controlUrl, '--junit', junit, ...args]);
      const code = await run.exited;
      const suites = code === 2 ? [] : await readJUnit(junit);
      return { code, output: run.output(), names: suites.map((suite) => suite['@_name']) };
    };
    const unsharded = await ran([]);
    expect(unsharded.code, unsharded.output).toBe(1);
    expect(unsharded.names).toEqual(['shard-a', 'shard-b', 'shard-c', 'shard-d']);
    expect(unsharded.output).toContain('4 scenarios: 3 passed, 1 failed or not run');

    const first = await ran(['--shard', '1/2']);
    const second = await ran(['--shard', '2/2']);
    expect([first.code, second.code], first.output + second.output).toEqual([0, 1]);
    expect(first.output).toContain('shard 1/2: 2 of 4 scenarios');
    expect(first.names.filter((name) => second.names.includes(name))).toEqual([]);
    expect([...first.names, ...second.names]).toEqual(unsharded.names);

    const globbed = await ran([], [`${folder}/**/*.yaml`]);
    expect(globbed.names).toEqual(['shard-a', 'shard-d']);
  });

  it('--shard that is not i/n, or a folder without scenarios: exit 2', async () => {
    const badShard = runCli(['run', out.path, '--shard', '0/2']);
    expect(await badShard.exited, badShard.output()).toBe(2);
    expect(badShard.output()).toContain('give i/n with 1 ≤ i ≤ n');
    const empty = join(out.path, 'no-scenarios');
    await mkdir(empty);
    const none = runCli(['run', empty]);
    expect(await none.exited, none.output()).toBe(2);
    expect(none.output().trim()).toBe(`smsim run: no scenario (.json, .yaml, .yml) matches ${empty}`);
  });

  it('a scenario that cannot run does not stop the others: exit 2, the worst of the runs', async () => {
    const folder = join(out.path, 'mixed');
    await mkdir(folder);
    await writeFile(join(folder, 'a-broken.yaml'), 'name: broken\nsteps: 3\n');
    const fine = { name: 'fine', steps: [{ action: 'provision', offering: 'sample-db', plan: 'small' }] };
    await writeFile(join(folder, 'b-fine.json'), JSON.stringify(fine));
    const run = runCli(['run', folder, '--against', controlUrl]);
    expect(await run.exited, run.output()).toBe(2);
    expect(run.output()).toMatch(/smsim run: .*a-broken\.yaml is invalid/);
    expect(run.output()).toContain('scenario "fine" passed');
  });

  it('--help states the exit codes', async () => {
    const run = runCli(['run', '--help']);
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*failed.*\n\s+2 .*env\.NAME.*unreachable/);
  });
});
