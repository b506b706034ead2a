// Chain: provision+deprovision pairs per second at concurrency 16 through a platform's broker proxy (proxy → SM →
// sample broker, the simulator started in this process) against the same pairs sent straight to the sample
// broker; p50 and p99 of a pair on both sides. Targets: rate ≥ 0.25 of direct (three servers doing the work of
// one cap it near 0.33), p99 ≤ 5× direct. Sides alternate after a warm-up; figures are medians of the rounds.
// Run: node bin/run-ts.js bench/chain.ts [--quick]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../main/index';
import { type LoadResult, median, percentile, runLoad } from './load';
import { deprovision, provision, type Side, sidesOf } from './osb-client';
import { QUICK, sized } from './quick';
import { figure, report } from './report';

const CONCURRENCY = 16;
const PAIRS = sized(400);
const ROUNDS = QUICK ? 3 : 5;

async function pair(side: Side) {
  await deprovision(side, await provision(side));
}

const load = (side: Side, pairs: number): Promise<LoadResult> =>
  runLoad(pairs, CONCURRENCY, () => pair(side));

const dataDir = await mkdtemp(join(tmpdir(), 'smsim-bench-chain-'));
const simulator = await startSimulator({ portBase: 0, dataDir, logLevel: 'silent' });
try {
  const { direct: directSide, proxy: proxySide } = await sidesOf(simulator);
  const sides: Side[] = [directSide, proxySide];

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
