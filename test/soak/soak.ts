// `npm run soak [-- --seconds N]` (default 180): a mixed workload against a simulator started as a library —
// provision, bind, unbind and deprovision on both platforms, sharing across them, catalog refreshes, the
// sample broker's faults switched on and off — with a small traffic ring buffer. It fails (exit 1) when the
// heap grows in the second half, once the buffer is full, by more than HEAP_GROWTH_LIMIT_MIB, or when
// `stop()` leaves a socket or a timer behind.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startSimulator } from '../../main/simulator';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '180' } } });
const SECONDS = Number(values.seconds);
if (!Number.isFinite(SECONDS) || SECONDS < 10) {
  console.error('--seconds takes a number of seconds, at least 10');
  process.exit(2);
}
const BUFFER_SIZE = 200;
const WORKERS = 8;
const FAULT_TOGGLE_MS = 3000;
const REFRESH_EVERY_MS = 2000;
const HEAP_SAMPLE_MS = 1000;
/** Growth of the heap over the second half (after a full GC) that still counts as flat. */
const HEAP_GROWTH_LIMIT_MIB = 10;
const PLATFORMS = ['cf-dev', 'k8s-dev'] as const;
const FAULTS = [
  {
    kind: 'status',
    status: 500,
    operations: ['provision', 'bind'],
    description: 'soak: provisions and binds fail',
  },
  { kind: 'latency', latencyMs: 30, description: 'soak: every call is slow' },
  { kind: 'failLastOperation', operations: ['provision'], description: 'soak: async provisions fail' },
];

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMiB = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const handles = () =>
  process
    .getActiveResourcesInfo()
    .filter((name) => !name.startsWith('FSReq'))
    .sort();
const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? 0;
const round = (value: number) => Math.round(value * 10) / 10;

const dataDir = await mkdtemp(join(tmpdir(), 'smsim-soak-'));
const handlesBefore = handles();
const simulator = await startSimulator({
  portBase: 0,
  dataDir,
  logLevel: 'silent',
  config: { traffic: { bufferSize: BUFFER_SIZE }, sampleBroker: { asyncDelayMs: 20 } },
});
const api = `${simulator.endpoints.control.url}/api`;
const statuses = new Map<string, number>();
const failures: string[] = [];

const idOf = (body: unknown) => {
  const id = (body as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
};

/**
 * Every answer is JSON; a 4xx or 5xx says `{error, description}`. A 5xx is fine only when it passes on a
 * broker's failure (the faults make the broker fail on purpose): never smsim's own InternalError.
 */
function answerIsFine(status: number, body: unknown): boolean {
  if (status < 400) return true;
  const { error, description } = (body ?? {}) as { error?: unknown; description?: unknown };
  if (typeof error !== 'string' || typeof description !== 'string') return false;
  return status < 500 || error !== 'InternalError';
}

/** A call to the control API; its answer counted by route and status, answers of our own failure kept. */
async function call(method: string, path: string, body?: unknown): Promise<{ status: number; id?: string }> {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  const key = `${method} ${path.replace(/\/[0-9a-f-]{36}/g, '/:id').replace(/\?.*/, '')} ${response.status}`;
  statuses.set(key, (statuses.get(key) ?? 0) + 1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!answerIsFine(response.status, parsed)) failures.push(`${key}: ${text.slice(0, 300)}`);
  return { status: response.status, id: idOf(parsed) };
}

let names = 0;
const instances = (platform: string) => `/platforms/${platform}/service_instances`;

async function deprovision(platform: string, id: string) {
  await call('DELETE', `${instances(platform)}/${id}?wait=true&recursive=true`);
}

/** One life of an instance on one platform: provision, bind, unbind, deprovision (sync or async plan). */
async function lifecycle(platform: string) {
  const [service, plan] = names % 2 === 0 ? ['sample-db', 'small'] : ['sample-async', 'standard'];
  const created = await call('POST', `${instances(platform)}?wait=true`, {
    name: `soak-${++names}`,
    service,
    plan,
  });
  const { id } = created;
  if (!id) return;
  const bound = await call('POST', `/platforms/${platform}/service_bindings?wait=true`, {
    name: `soak-${++names}`,
    service_instance_id: id,
  });
  if (bound.id) await call('DELETE', `/platforms/${platform}/service_bindings/${bound.id}?wait=true`);
  await deprovision(platform, id);
}

/** A shared instance on cf-dev, referenced from k8s-dev, then both removed. */
async function sharing() {
  const original = await call('POST', `${instances('cf-dev')}?wait=true`, {
    name: `soak-${++names}`,
    service: 'sample-db',
    plan: 'shared',
  });
  const { id } = original;
  if (!id) return;
  await call('PATCH', `/sm/service_instances/${id}`, { shared: true });
  const reference = await call('POST', `${instances('k8s-dev')}?wait=true`, {
    name: `soak-${++names}`,
    service: 'sample-db',
    plan: 'reference-instance',
    parameters: { referenced_instance_id: id },
  });
  if (reference.id) await deprovision('k8s-dev', reference.id);
  await deprovision('cf-dev', id);
}

const started = Date.now();
const deadline = started + SECONDS * 1000;
const half = started + (SECONDS * 1000) / 2;
const samples: Array<{ at: number; heap: number; full: boolean }> = [];
let bufferFullAt: number | undefined;
let iterations = 0;

async function worker(index: number) {
  for (let round = 0; Date.now() < deadline; round++) {
    const platform = PLATFORMS[(index + round) % PLATFORMS.length]!;
    await (round % 4 === 3 ? sharing() : lifecycle(platform));
    iterations++;
  }
}

async function background() {
  let fault = 0;
  let lastToggle = 0;
  while (Date.now() < deadline) {
    if (Date.now() - lastToggle >= FAULT_TOGGLE_MS) {
      lastToggle = Date.now();
      // On, off, on with the next kind, off, …
      if (fault % 2 === 0) await call('POST', '/sample-broker/faults', FAULTS[(fault / 2) % FAULTS.length]);
      else await call('DELETE', '/sample-broker/faults');
      fault++;
    }
    await call('POST', '/catalog-refreshes', {});
    await sleep(REFRESH_EVERY_MS);
  }
  await call('DELETE', '/sample-broker/faults');
}

const sampler = setInterval(() => {
  const full = simulator.traffic.size >= BUFFER_SIZE;
  if (full && bufferFullAt === undefined) bufferFullAt = Date.now();
  samples.push({ at: Date.now(), heap: heapMiB(), full });
}, HEAP_SAMPLE_MS);

await Promise.all([...Array.from({ length: WORKERS }, (_, index) => worker(index)), background()]);
clearInterval(sampler);
const rss = process.memoryUsage().rss / 2 ** 20;
await simulator.stop();

let handlesAfter = handles();
for (let waited = 0; handlesAfter.join() !== handlesBefore.join() && waited < 5000; waited += 100) {
  await sleep(100);
  handlesAfter = handles();
}
await rm(dataDir, { recursive: true, force: true });

const secondHalf = samples.filter((sample) => sample.at >= half);
const window = Math.max(1, Math.floor(secondHalf.length / 5));
const heapAtHalf = median(secondHalf.slice(0, window).map((sample) => sample.heap));
const heapAtEnd = median(secondHalf.slice(-window).map((sample) => sample.heap));
const growth = heapAtEnd - heapAtHalf;
const problems = [...failures.slice(0, 10)];
if (failures.length > 10) problems.push(`… and ${failures.length - 10} more answers of our own failure`);
if (bufferFullAt === undefined || bufferFullAt > half)
  problems.push(`the traffic buffer (${BUFFER_SIZE}) was not full by half time: the workload is too light`);
if (growth > HEAP_GROWTH_LIMIT_MIB)
  problems.push(`the heap grew ${round(growth)} MiB in the second half (limit ${HEAP_GROWTH_LIMIT_MIB} MiB)`);
if (handlesAfter.join() !== handlesBefore.join())
  problems.push(`stop() left handles: before [${handlesBefore}], after [${handlesAfter}]`);

const requests = [...statuses.values()].reduce((sum, count) => sum + count, 0);
console.log(
  `soak: ${SECONDS} s, ${WORKERS} workers, ${iterations} iterations, ${requests} control API requests`,
);
console.log(
  `traffic buffer: ${BUFFER_SIZE} exchanges, full after ${bufferFullAt === undefined ? 'never' : `${round((bufferFullAt - started) / 1000)} s`}`,
);
console.log(
  `heap after GC: first sample ${round(samples[0]?.heap ?? 0)} MiB, second half ${round(heapAtHalf)} → ${round(heapAtEnd)} MiB ` +
    `(growth ${round(growth)} MiB, limit ${HEAP_GROWTH_LIMIT_MIB}), max ${round(Math.max(...samples.map((sample) => sample.heap)))} MiB; rss ${round(rss)} MiB`,
);
console.log(`handles: before [${handlesBefore}], after stop() [${handlesAfter}]`);
console.log('answers:');
for (const [key, count] of [...statuses].sort()) console.log(`  ${String(count).padStart(6)}  ${key}`);
if (problems.length > 0) {
  console.error(`soak FAILED:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('soak passed');
