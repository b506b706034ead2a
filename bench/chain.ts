// Chain: provision+deprovision pairs per second at concurrency 16 through a platform's broker proxy (proxy → SM →
// sample broker, the simulator started in this process) against the same pairs sent straight to the sample
// broker; p50 and p99 of a pair on both sides. Targets: rate ≥ 0.25 of direct (three servers doing the work of
// one cap it near 0.33), p99 ≤ 5× direct. Sides alternate after a warm-up; figures are medians of the rounds.
// Run: node bin/run-ts.js bench/chain.ts [--quick]
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_IDS } from '../main/core/sample-broker/ids';
import { startSimulator } from '../main/index';
import { type LoadResult, median, percentile, runLoad } from './load';
import { QUICK, sized } from './quick';
import { figure, report } from './report';

const CONCURRENCY = 16;
const PAIRS = sized(400);
const ROUNDS = QUICK ? 3 : 5;

const basic = ({ username, password }: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/** An OSB endpoint (a base URL ending before `/v2/`) and the credentials it takes. */
interface Side {
  name: string;
  base: string;
  authorization: string;
}

const provisionBody = JSON.stringify({
  service_id: SAMPLE_IDS.db.service,
  plan_id: SAMPLE_IDS.db.small,
  organization_guid: 'bench-org',
  space_guid: 'bench-space',
  context: {
    platform: 'cloudfoundry',
    organization_guid: 'bench-org',
    space_guid: 'bench-space',
    instance_name: 'bench',
  },
});
const planQuery = `service_id=${SAMPLE_IDS.db.service}&plan_id=${SAMPLE_IDS.db.small}&accepts_incomplete=true`;

async function call(side: Side, method: string, path: string, expected: number, body?: string) {
  const response = await fetch(`${side.base}${path}`, {
    method,
    headers: {
      Authorization: side.authorization,
      'X-Broker-API-Version': '2.17',
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body,
  });
  const text = await response.text();
  if (response.status !== expected)
    throw new Error(`${side.name}: ${method} ${path} answered ${response.status} (not ${expected}): ${text}`);
}

async function pair(side: Side) {
  const id = randomUUID();
  await call(side, 'PUT', `/v2/service_instances/${id}?accepts_incomplete=true`, 201, provisionBody);
  await call(side, 'DELETE', `/v2/service_instances/${id}?${planQuery}`, 200);
}

const load = (side: Side, pairs: number): Promise<LoadResult> =>
  runLoad(pairs, CONCURRENCY, () => pair(side));

const dataDir = await mkdtemp(join(tmpdir(), 'smsim-bench-chain-'));
const simulator = await startSimulator({ portBase: 0, dataDir, logLevel: 'silent' });
try {
  const { serviceManager, platforms, sampleBroker } = simulator.endpoints;
  const brokers = await fetch(`${serviceManager!.url}/v1/service_brokers`, {
    headers: { Authorization: basic(serviceManager!.admin) },
  }).then((response) => response.json() as Promise<{ items: Array<{ id: string; name: string }> }>);
  const sampleId = brokers.items.find((broker) => broker.name === 'sample')!.id;
  const proxy = platforms.find((platform) => platform.type === 'cloudfoundry')!;
  const sides: Side[] = [
    { name: 'direct', base: sampleBroker!.url, authorization: basic(sampleBroker!.credentials) },
    { name: 'proxy', base: `${proxy.url}/osb/${sampleId}`, authorization: basic(proxy.proxyCredentials) },
  ];

  for (const side of sides) await load(side, Math.max(CONCURRENCY, Math.round(PAIRS / 4)));
  const rounds = new Map<string, LoadResult[]>(sides.map((side) => [side.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which side goes first, so neither always runs on a machine the other just warmed.
    for (const side of round % 2 ? [...sides].reverse() : sides)
      rounds.get(side.name)!.push(await load(side, PAIRS));
  }

  const summary = (name: string) => {
    const results = rounds.get(name)!;
    return {
      rate: median(results.map((result) => result.rate)),
      p50: median(results.map((result) => percentile(result.latencies, 50))),
      p99: median(results.map((result) => percentile(result.latencies, 99))),
      cpu: median(results.map((result) => result.cpuPerJob)),
    };
  };
  const direct = summary('direct');
  const viaProxy = summary('proxy');
  console.log(
    `chain: ${PAIRS} provision+deprovision pairs at concurrency ${CONCURRENCY}, median of ${ROUNDS} rounds per side`,
  );
  for (const [name, s] of [
    ['direct', direct],
    ['proxy', viaProxy],
  ] as const)
    console.log(
      `  ${name.padEnd(6)}: ${s.rate.toFixed(1)} pairs/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, CPU ${s.cpu.toFixed(1)} ms a pair`,
    );
  report(
    figure('chain: pairs/s through a platform proxy vs direct', viaProxy.rate, 'pairs/s', direct.rate, {
      atLeast: 0.25,
    }),
    figure('chain: p99 of a pair through a proxy vs direct', viaProxy.p99, 'ms', direct.p99, { atMost: 5 }),
  );
} finally {
  await simulator.stop();
  await rm(dataDir, { recursive: true, force: true });
}
