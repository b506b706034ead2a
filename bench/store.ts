// Data file: 100 concurrent mutations with group commit against the same 100 made one after another (one write
// each), side by side. Run: node bin/run-ts.js bench/store.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { openJsonFileStore } from '../main/store/json-file-store';
import { sized } from './quick';

const MUTATIONS = 100;
const RECORDS_BEFORE = sized(2000);

const schema = z.object({
  schemaVersion: z.literal(1),
  records: z.array(z.object({ id: z.string(), note: z.string() })),
});

async function measure(concurrent: boolean) {
  const dir = await mkdtemp(join(tmpdir(), 'smsim-bench-'));
  const store = await openJsonFileStore({
    path: join(dir, 'data.json'),
    schema,
    version: 1,
    migrations: [],
    empty: () => ({
      schemaVersion: 1 as const,
      records: Array.from({ length: RECORDS_BEFORE }, (_, i) => ({ id: `seed-${i}`, note: 'x'.repeat(200) })),
    }),
  });
  const writesBefore = store.writeCount;
  const mutate = (i: number) => store.update((data) => data.records.push({ id: `r-${i}`, note: 'new' }));
  const start = performance.now();
  if (concurrent) await Promise.all(Array.from({ length: MUTATIONS }, (_, i) => mutate(i)));
  else for (let i = 0; i < MUTATIONS; i++) await mutate(i);
  const ms = performance.now() - start;
  const writes = store.writeCount - writesBefore;
  await rm(dir, { recursive: true, force: true });
  return { ms, writes };
}

const grouped = await measure(true);
const serial = await measure(false);
console.log(
  `store: ${MUTATIONS} mutations on a file of ${RECORDS_BEFORE} records (every one durable before it resolves)`,
);
console.log(`  concurrent, group commit : ${grouped.writes} file write(s), ${grouped.ms.toFixed(1)} ms`);
console.log(`  one after another        : ${serial.writes} file write(s), ${serial.ms.toFixed(1)} ms`);
console.log(
  `  ratio                    : ${(serial.writes / grouped.writes).toFixed(1)}× fewer writes, ${(serial.ms / grouped.ms).toFixed(1)}× faster`,
);
