// Chain at scale: provisions per second at concurrency 16 through a platform's broker proxy (proxy → SM → sample
// broker) with 100, 10,000 and 100,000 instances already stored — the store's commits and every lookup the SM,
// the platform and the sample broker make. The stored instances are copies of one real provision's records (SM
// instance and operation, sample-broker instance) with new ids, written into the data file
// between two starts. Targets: 10,000 stored ≥ 0.8 of the rate with 100, 100,000 ≥ 0.6.
// Run: node bin/run-ts.js bench/chain-scale.ts [--quick] [--stored N]
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../main/index';
import { openDataStore, type SimData } from '../main/store';
import { median, runLoad } from './load';
import { provision, sidesOf } from './osb-client';
import { QUICK, sized } from './quick';
import { figure, report } from './report';

const CONCURRENCY = 16;
const PROVISIONS = QUICK ? 100 : 300;
const ROUNDS = 3;
const SIZES = [100, 10_000, 100_000].map(sized);
/** `--stored N` measures that one size alone (to profile it); no figures then. */
const ONE = process.argv.includes('--stored')
  ? Number(process.argv[process.argv.indexOf('--stored') + 1])
  : undefined;
const TARGETS = [1, 0.8, 0.6];

/** Adds `count` copies of instance `id`'s records to every section that holds one, each under a new id. */
function copyInstance(data: SimData, platform: string, id: string, count: number): void {
  const texts = {
    sm: JSON.stringify(data.sm.instances.find((instance) => instance.id === id)),
    operation: JSON.stringify(data.sm.operations.find((operation) => operation.resource_id === id)),
    broker: JSON.stringify(data.sampleBroker.instances[id]),
    platform: JSON.stringify(data.platforms[platform]!.instances.find((instance) => instance.id === id)),
  };
  for (let i = 0; i < count; i++) {
    const copy = randomUUID();
    const made = (text: string) => JSON.parse(text.replaceAll(id, copy));
    data.sm.instances.push({ ...made(texts.sm), name: `stored-${i}` });
    // The SM keeps the operations of a landscape (the notification log is capped; operations are not).
    if (texts.operation) data.sm.operations.push({ ...made(texts.operation), id: randomUUID() });
    data.sampleBroker.instances[copy] = made(texts.broker);
    // A provision sent to the proxy's OSB API leaves no record in the platform (its own API makes those).
    if (texts.platform)
      data.platforms[platform]!.instances.push({ ...made(texts.platform), name: `stored-${i}` });
  }
}

async function provisionsPerSecond(stored: number): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'smsim-bench-chain-scale-'));
  try {
    const first = await startSimulator({ portBase: 0, dataDir, logLevel: 'silent' });
    const { proxy, platform } = await sidesOf(first);
    const id = await provision(proxy);
    await first.stop();
    const store = await openDataStore(dataDir);
    await store.update((data) => copyInstance(data, platform, id, stored - 1));
    await store.flush();

    const simulator = await startSimulator({ portBase: 0, dataDir, logLevel: 'silent' });
    try {
      const sides = await sidesOf(simulator);
      await runLoad(CONCURRENCY * 2, CONCURRENCY, () => provision(sides.proxy).then(() => undefined));
      const rates: number[] = [];
      for (let round = 0; round < ROUNDS; round++)
        rates.push(
          (await runLoad(PROVISIONS, CONCURRENCY, () => provision(sides.proxy).then(() => undefined))).rate,
        );
      return median(rates);
    } finally {
      await simulator.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (ONE !== undefined) {
  console.log(
    `  ${ONE} stored: ${(await provisionsPerSecond(ONE)).toFixed(1)} provisions/s through the proxy`,
  );
  process.exit(0);
}
const rates: number[] = [];
for (const stored of SIZES) {
  rates.push(await provisionsPerSecond(stored));
  console.log(
    `  ${String(stored).padStart(7)} stored: ${rates.at(-1)!.toFixed(1)} provisions/s through the proxy`,
  );
}
for (const index of [1, 2])
  report(
    figure(
      `chain at scale: provisions/s with ${SIZES[index]!.toLocaleString('en')} stored vs ${SIZES[0]}`,
      rates[index]!,
      'provisions/s',
      rates[0]!,
      { atLeast: TARGETS[index]! },
    ),
  );
