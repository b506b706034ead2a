// `npm run bench [-- --quick]`: every benchmark, one after another, then one table of their figures, also written
// to bench/results/latest.json (quick.json for --quick). A missed target fails the full run; `--quick` (CI, a tenth of the sizes) checks that
// every benchmark still runs and reports its figures without judging them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Table from 'cli-table3';
import { QUICK } from './quick';
import type { Figure } from './report';

const RUN_TS = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
const BENCHMARKS = [
  'cli.ts',
  'start-up.ts',
  'chain.ts',
  'store-scale.ts',
  'store-postgres.ts',
  'chain-scale.ts',
  'traffic.ts',
  'catalog-refresh.ts',
  'replay.ts',
  'store.ts',
  'traffic-ui.ts',
];
const ARGS = process.argv.slice(2);
/** A quick run does not overwrite the figures of the last full one. */
const RESULTS_NAME = QUICK ? 'quick.json' : 'latest.json';
const RESULTS = fileURLToPath(new URL(`results/${RESULTS_NAME}`, import.meta.url));

const scratch = mkdtempSync(join(tmpdir(), 'smsim-bench-'));
const lines = join(scratch, 'figures.jsonl');
writeFileSync(lines, '');
let crashed = 0;
for (const file of BENCHMARKS) {
  console.log(`\n== bench/${file}`);
  const run = spawnSync(process.execPath, [RUN_TS, fileURLToPath(new URL(file, import.meta.url)), ...ARGS], {
    stdio: 'inherit',
    env: { ...process.env, SMSIM_BENCH_RESULTS: lines },
  });
  if (run.status !== 0) {
    crashed++;
    console.error(`bench/${file} exited with ${run.status ?? run.signal}`);
  }
}
const figures = readFileSync(lines, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Figure);
rmSync(scratch, { recursive: true, force: true });

const table = new Table({ head: ['figure', 'value', 'baseline', 'ratio', 'target', 'pass'] });
for (const f of figures)
  table.push([
    f.figure,
    `${f.value} ${f.unit}`,
    `${f.baseline} ${f.unit}`,
    f.ratio,
    f.target,
    f.pass ? 'pass' : 'MISSED',
  ]);
console.log(`\n${QUICK ? 'quick run (a tenth of the sizes; targets not judged)' : 'benchmark figures'}`);
console.log(table.toString());

const cpu = cpus();
const machine = {
  host: hostname(),
  cpu: cpu[0]?.model ?? 'unknown',
  cores: cpu.length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  quick: QUICK,
};
mkdirSync(fileURLToPath(new URL('results/', import.meta.url)), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify({ machine, date: new Date().toISOString(), figures }, null, 2)}\n`);
console.log(`written: bench/results/${RESULTS_NAME} (${figures.length} figures)`);

const missed = figures.filter((f) => !f.pass).length;
process.exit(crashed > 0 || (!QUICK && missed > 0) ? 1 : 0);
