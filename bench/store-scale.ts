// Store scale: provisions per second through the data store's `update` (concurrency 16, group commit) with
// 100, 10,000 and 100,000 instances already stored, each a provision's SM, sample-broker and platform records
// (~1 KB), each after a lookup of its id among the SM's instances as the core makes one (findById).
// Target: 10,000 stored ≥ 0.8 of the rate with 100, 100,000 ≥ 0.6.
// Run: node bin/run-ts.js bench/store-scale.ts [--quick]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collections, dataSchema, migrations, SCHEMA_VERSION } from '../main/store/data';
import { openJsonFileStore } from '../main/store/json-file-store';
import { sized } from './quick';
import { figure, report } from './report';
import { CONCURRENCY, medianProvisionRate, PROVISIONS, ROUNDS, seeded } from './store-records';

const SIZES = [100, 10_000, 100_000].map(sized);
const TARGETS = [1, 0.8, 0.6];

async function provisionsPerSecond(stored: number) {
  const dir = await mkdtemp(join(tmpdir(), 'smsim-bench-scale-'));
  try {
    const store = await openJsonFileStore({
      path: join(dir, 'smsim-data.json'),
      schema: dataSchema,
      version: SCHEMA_VERSION,
      migrations,
      empty: () => seeded(stored),
      collections,
    });
    const rate = await medianProvisionRate(store, stored);
    await store.close();
    return rate;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(
  `store scale: ${PROVISIONS} provisions at concurrency ${CONCURRENCY} through the store's update, median of ${ROUNDS} rounds`,
);
await provisionsPerSecond(SIZES[0]!); // warms the JIT up, so the first size is not measured cold
const rates: number[] = [];
for (const stored of SIZES) {
  rates.push(await provisionsPerSecond(stored));
  console.log(`  ${String(stored).padStart(7)} stored: ${rates.at(-1)!.toFixed(0).padStart(5)} provisions/s`);
}
for (const index of [1, 2])
  report(
    figure(
      `store scale: provisions/s with ${SIZES[index]!.toLocaleString('en')} stored vs ${SIZES[0]}`,
      rates[index]!,
      'provisions/s',
      rates[0]!,
      { atLeast: TARGETS[index]! },
    ),
  );
