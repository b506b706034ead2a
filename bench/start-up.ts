// Start-up, two figures against the same number of bare Express servers started in one process
// (bench/bare-express.mjs), medians of alternated runs, target ≤ 3× each:
// - `smsim serve` as a process (compiled CLI in dist/, a fresh temp data folder, free ports) until it prints
//   `smsim ready`, against a Node process whose servers all listen;
// - `startSimulator()` in this process (its modules loaded, a fresh temp data folder) until every server answers
//   a request, against bare servers started here until each answers one.
// Run: node bin/run-ts.js bench/start-up.ts [--quick] (build dist/ first: npm run build:lib)
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type Endpoints, startSimulator } from '../main/index';
import { alternatedMedians } from './alternate';
import { startBareExpress } from './bare-express.mjs';
import { QUICK } from './quick';
import { figure, report } from './report';

const SMSIM = fileURLToPath(new URL('../bin/smsim.js', import.meta.url));
const BARE_EXPRESS = fileURLToPath(new URL('bare-express.mjs', import.meta.url));
const ROUNDS = QUICK ? 3 : 9;
const READY_TIMEOUT_MS = 30_000;

const tempDataDir = () => mkdtemp(join(tmpdir(), 'smsim-bench-start-'));

const urlsOf = (endpoints: Endpoints) =>
  [endpoints.control, endpoints.serviceManager, ...endpoints.platforms, endpoints.sampleBroker].flatMap(
    (server) => (server ? [server.url] : []),
  );

/** Resolves once every URL has answered a GET (any status). */
const answered = (urls: string[]) =>
  Promise.all(urls.map((url) => fetch(url).then((response) => response.arrayBuffer())));

/**
 * Milliseconds from spawning `node …args` until it prints a line containing `ready`; then `stop` (a signal, or
 * none when the process ends by itself) and waits for its exit.
 */
async function msUntilPrinted(args: string[], ready: string, stop?: NodeJS.Signals): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NODE_ENV: 'production', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  try {
    return await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "${ready}" within ${READY_TIMEOUT_MS} ms`)),
        READY_TIMEOUT_MS,
      );
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes(ready)) {
          clearTimeout(timer);
          resolve(performance.now() - start);
        }
      });
      child.stderr.on('data', (chunk) => {
        output += chunk;
      });
      child.once('exit', (code) => reject(new Error(`node ${args.join(' ')} exited (${code}):\n${output}`)));
    });
  } finally {
    if (stop || child.exitCode === null) child.kill(stop ?? 'SIGTERM');
    await exited;
  }
}

async function simulatorMs(): Promise<number> {
  const dataDir = await tempDataDir();
  try {
    const start = performance.now();
    const simulator = await startSimulator({ portBase: 0, dataDir, logLevel: 'silent' });
    await answered(urlsOf(simulator.endpoints));
    const ms = performance.now() - start;
    await simulator.stop();
    return ms;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function bareExpressMs(count: number): Promise<number> {
  const start = performance.now();
  const bare = await startBareExpress(count);
  await answered(bare.urls);
  const ms = performance.now() - start;
  await bare.close();
  return ms;
}

async function serveMs(): Promise<number> {
  const dataDir = await tempDataDir();
  try {
    return await msUntilPrinted(
      [SMSIM, 'serve', '--port-base', '0', '--data', dataDir],
      'smsim ready',
      'SIGTERM',
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** As many servers as a simulator with the default config starts: control, SM, each platform, sample broker. */
async function serverCount(): Promise<number> {
  const dataDir = await tempDataDir();
  const simulator = await startSimulator({ portBase: 0, dataDir, logLevel: 'silent' });
  const count = urlsOf(simulator.endpoints).length;
  await simulator.stop();
  await rm(dataDir, { recursive: true, force: true });
  return count;
}

const servers = await serverCount();
const inProcess = await alternatedMedians(ROUNDS, {
  simulator: simulatorMs,
  bare: () => bareExpressMs(servers),
});
const processes = await alternatedMedians(ROUNDS, {
  serve: serveMs,
  bare: () => msUntilPrinted([BARE_EXPRESS, String(servers)], 'ready'),
});
report(
  figure(
    `Start-up: smsim serve until ready vs ${servers} bare Express servers (processes)`,
    processes.serve,
    'ms',
    processes.bare,
    {
      atMost: 3,
    },
  ),
  figure(
    `Start-up: startSimulator() until every server answers vs ${servers} bare Express servers (in process)`,
    inProcess.simulator,
    'ms',
    inProcess.bare,
    {
      atMost: 3,
    },
  ),
);
