// `npm run bench [-- --quick]`: every benchmark, one after another, each printing its figures and ratios.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUN_TS = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
const BENCHMARKS = ['store.ts', 'traffic.ts', 'traffic-ui.ts'];
const ARGS = process.argv.slice(2);

let failed = 0;
for (const file of BENCHMARKS) {
  console.log(`\n== bench/${file}`);
  const run = spawnSync(process.execPath, [RUN_TS, fileURLToPath(new URL(file, import.meta.url)), ...ARGS], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
