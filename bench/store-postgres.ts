// Store on PostgreSQL: provisions per second through the store's `update` (concurrency 16, group commit) with
// 100, 10,000 and 100,000 instances stored, in a private PostgreSQL cluster, beside the same on the JSON file.
// A commit writes only the changed rows, so the target is 100,000 stored ≥ 0.8 of the rate with 100.
// Also: how long a standby takes to serve once the writer's session ends.
// Run: node bin/run-ts.js bench/store-postgres.ts [--quick]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { collections, dataSchema, migrations, SCHEMA_VERSION } from '../main/store/data';
import { openJsonFileStore } from '../main/store/json-file-store';
import { openPostgresStore } from '../main/store/postgres-store';
import { startPostgres } from '../test/helpers/postgres-cluster';
import { sized } from './quick';
import { figure, report } from './report';
import { CONCURRENCY, medianProvisionRate, PROVISIONS, provision, ROUNDS, seeded } from './store-records';

const SIZES = [100, 10_000, 100_000].map(sized);
/** The standby holds a checked copy while it waits and reads only the commits since at take-over. */
const TAKE_OVER_STORED = sized(10_000);
/** Commits the writer makes while the standby waits, which its take-over must catch up with. */
const COMMITS_WHILE_WAITING = 20;
const options = (stored: number) => ({
  schema: dataSchema,
  version: SCHEMA_VERSION,
  migrations,
  empty: () => seeded(stored),
  collections,
});

const cluster = await startPostgres();
try {
  const onFile = async (stored: number) => {
    const dir = await mkdtemp(join(tmpdir(), 'smsim-bench-pg-file-'));
    try {
      const store = await openJsonFileStore({ path: join(dir, 'smsim-data.json'), ...options(stored) });
      const rate = await medianProvisionRate(store, stored);
      await store.close();
      return rate;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  const onPostgres = async (stored: number) => {
    const store = await openPostgresStore({ url: await cluster.createDatabase(), ...options(stored) });
    const rate = await medianProvisionRate(store, stored);
    await store.close();
    return rate;
  };

  console.log(
    `store on PostgreSQL: ${PROVISIONS} provisions at concurrency ${CONCURRENCY}, median of ${ROUNDS} rounds`,
  );
  await onPostgres(SIZES[0]!); // warms the JIT and the cluster up
  const file: number[] = [];
  const postgres: number[] = [];
  for (const stored of SIZES) {
    file.push(await onFile(stored));
    postgres.push(await onPostgres(stored));
    console.log(
      `  ${String(stored).padStart(7)} stored: file ${file.at(-1)!.toFixed(0).padStart(5)}, PostgreSQL ${postgres.at(-1)!.toFixed(0).padStart(5)} provisions/s`,
    );
  }

  // Take-over: a standby waiting on the writer's lock (holding its copy), until it serves once the writer closes.
  const url = await cluster.createDatabase();
  const writer = await openPostgresStore({ url, ...options(TAKE_OVER_STORED) });
  let waiting!: () => void;
  const standbyWaits = new Promise<void>((resolve) => {
    waiting = resolve;
  });
  const standby = openPostgresStore({ url, ...options(0), standby: () => waiting() });
  await standbyWaits;
  for (let i = 0; i < COMMITS_WHILE_WAITING; i++)
    await writer.update((data) => provision(data, TAKE_OVER_STORED + i));
  const closed = performance.now();
  await writer.close();
  await (await standby).close();
  const takeOverMs = performance.now() - closed;
  console.log(
    `  standby serving ${TAKE_OVER_STORED} stored (${COMMITS_WHILE_WAITING} commits while it waited): ${takeOverMs.toFixed(0)} ms after the writer stopped`,
  );

  report(
    figure(
      `store on PostgreSQL: provisions/s with ${SIZES[2]!.toLocaleString('en')} stored vs ${SIZES[0]}`,
      postgres[2]!,
      'provisions/s',
      postgres[0]!,
      { atLeast: 0.8 },
    ),
    figure(
      `store on PostgreSQL: provisions/s with ${SIZES[0]} stored vs the JSON file`,
      postgres[0]!,
      'provisions/s',
      file[0]!,
      { atLeast: 0.1 },
    ),
    figure(
      `store on PostgreSQL: standby serving (${TAKE_OVER_STORED.toLocaleString('en')} stored) after the writer stops vs 5 s`,
      takeOverMs,
      'ms',
      5000,
      { atMost: 1 },
    ),
  );
} finally {
  await cluster.remove();
}
