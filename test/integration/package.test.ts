// The package as a user gets it: `npm pack` of the built tree (npm test builds first), installed into an
// empty project, used from the command line, from ESM, from CommonJS and from TypeScript.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedFixture, startMockBroker } from '../../main';
import { tempDir } from '../helpers/temp-dir';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const requireHere = createRequire(import.meta.url);
const TSC = requireHere.resolve('typescript/bin/tsc');
const VITEST_VERSION: string = requireHere('vitest/package.json').version;
const JEST_VERSION = '30';
const NPM_TIMEOUT_MS = 150_000;
const COMMANDS = ['serve', 'check', 'record', 'replay', 'mock-broker', 'run'];

let work: { path: string; remove: () => Promise<void> };
let app: string;

beforeAll(async () => {
  for (const built of ['dist/cli.mjs', 'dist/index.cjs', 'out/renderer/index.html'])
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
  work = await tempDir('smsim-package-');
  await run('npm', ['pack', '--ignore-scripts', '--pack-destination', work.path], {
    cwd: ROOT,
    timeout: NPM_TIMEOUT_MS,
  });
  const [tarball] = (await readdir(work.path)).filter((file) => file.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${work.path}`);
  app = join(work.path, 'app');
  await run('mkdir', [app]);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  // Dependencies from npm's cache where it has them, else from the registry.
  await run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      join(work.path, tarball),
      '@types/node@20',
      `vitest@${VITEST_VERSION}`,
      `jest@${JEST_VERSION}`,
    ],
    { cwd: app, timeout: NPM_TIMEOUT_MS },
  );
}, NPM_TIMEOUT_MS * 2);

afterAll(async () => {
  await work?.remove();
});

/** Starts a simulator on free ports, reads the UI page from its control server and stops it. */
const startAndStop = (load: string) => `${load}
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'smsim-app-'));
  const sim = await startSimulator({ portBase: 0, dataDir, logLevel: 'silent' });
  const page = await fetch(sim.endpoints.control.url);
  const html = await page.text();
  await sim.stop();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(JSON.stringify({ status: page.status, ui: html.includes('<div id="root">') }));
})();
`;

async function node(file: string, source: string) {
  await writeFile(join(app, file), source);
  const { stdout } = await run(process.execPath, [file], { cwd: app, timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
}

describe('npm pack, installed into an empty project', () => {
  it('npx smsim --help lists every command', async () => {
    const { stdout } = await run('npx', ['--no-install', 'smsim', '--help'], { cwd: app, timeout: 30_000 });
    for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it("an ES module imports { startSimulator } from 'smsim', starts and stops a simulator", async () => {
    const source = startAndStop(
      "import { createRequire } from 'node:module';\nimport { startSimulator } from 'smsim';\nconst require = createRequire(import.meta.url);",
    );
    expect(await node('esm.mjs', source)).toEqual({ status: 200, ui: true });
  });

  it("CommonJS require('smsim') works without a flag, starts and stops a simulator", async () => {
    expect(await node('cjs.cjs', startAndStop("const { startSimulator } = require('smsim');"))).toEqual({
      status: 200,
      ui: true,
    });
  });

  it.each([
    ['NodeNext', 'NodeNext', ['consumer.mts', 'consumer.cts']],
    ['Bundler', 'ESNext', ['consumer.mts']],
  ])(
    'a TypeScript consumer compiles against the shipped .d.ts (%s resolution, ES2022)',
    async (resolution, module, files) => {
      const consumer = `import { type Simulator, type SimulatorConfig, startSimulator } from 'smsim';
const config: SimulatorConfig = {};
export async function start(dataDir: string): Promise<string> {
  const sim: Simulator = await startSimulator({ portBase: 0, dataDir, config, logLevel: 'silent' });
  await sim.stop();
  return sim.endpoints.control.url;
}
`;
      await writeFile(join(app, 'consumer.mts'), consumer);
      await writeFile(join(app, 'consumer.cts'), consumer);
      const compilerOptions = {
        target: 'ES2022',
        lib: ['ES2022'],
        module,
        moduleResolution: resolution,
        strict: true,
        noEmit: true,
        types: ['node'],
      };
      await writeFile(join(app, `tsconfig.${resolution}.json`), JSON.stringify({ compilerOptions, files }));
      // tsc prints nothing when it compiles, and the errors when it does not.
      const compiled = await run(process.execPath, [TSC, '-p', `tsconfig.${resolution}.json`], {
        cwd: app,
        timeout: 80_000,
      }).catch((error: { stdout: string }) => error);
      expect(compiled.stdout).toBe('');
    },
    90_000,
  );

  it("the README's library example runs verbatim, against the shipped recording served as the broker", async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const example = readme.split('### Testing your broker with smsim')[1]?.match(/```ts\n([\s\S]*?)```/)?.[1];
    if (!example)
      throw new Error('no TypeScript example under "Testing your broker with smsim" in README.md');
    await writeFile(join(app, 'broker.test.ts'), example);
    const mock = await startMockBroker(shippedFixture('recordings/sample-session.har'));
    try {
      const env = {
        ...process.env,
        NO_COLOR: '1',
        BROKER_URL: mock.url,
        BROKER_USER: 'author',
        BROKER_PASSWORD: 'secret',
      };
      const vitest = await run('npx', ['--no-install', 'vitest', 'run', 'broker.test.ts'], {
        cwd: app,
        env,
        timeout: 80_000,
      }).catch((error: { stdout: string; stderr: string }) => ({ ...error, failed: true }));
      expect(vitest, `${vitest.stdout}\n${vitest.stderr}`).not.toHaveProperty('failed');
      expect(vitest.stdout).toMatch(/Tests\s+\S*2 passed/);
    } finally {
      await mock.close();
    }
  }, 90_000);

  it("a jest test (CommonJS, jest's defaults) requires 'smsim', starts and stops a simulator", async () => {
    await writeFile(
      join(app, 'smsim.test.js'),
      `const { mkdtemp, rm } = require('node:fs/promises');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { startSimulator } = require('smsim');

test('a simulator starts and stops under jest', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'smsim-jest-'));
  const sim = await startSimulator({ portBase: 0, dataDir, logLevel: 'silent' });
  expect((await fetch(sim.endpoints.control.url)).status).toBe(200);
  await sim.stop();
  await rm(dataDir, { recursive: true, force: true });
});
`,
    );
    const jest = await run('npx', ['--no-install', 'jest', 'smsim.test.js'], {
      cwd: app,
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 80_000,
    }).catch((error: { stdout: string; stderr: string }) => ({ ...error, failed: true }));
    expect(jest, `${jest.stdout}\n${jest.stderr}`).not.toHaveProperty('failed');
    expect(jest.stderr).toMatch(/Tests:\s+1 passed, 1 total/);
  }, 90_000);
});
