// CLI start: wall time of a whole `node bin/smsim.js --help` process (the compiled CLI in dist/; build it first
// with `npm run build:lib`) against `node -e 0`, medians of alternated runs. Target ≤ 4×.
// Run: node bin/run-ts.js bench/cli.ts [--quick]
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { alternatedMedians } from './alternate';
import { QUICK } from './quick';
import { figure, report } from './report';

const SMSIM = fileURLToPath(new URL('../bin/smsim.js', import.meta.url));
const ROUNDS = QUICK ? 3 : 9;

/** Milliseconds from spawning `node …args` to its exit; throws when it fails. */
function processMs(args: string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status}:\n${run.stderr}`);
  return ms;
}

const ms = await alternatedMedians(ROUNDS, {
  help: () => processMs([SMSIM, '--help']),
  bare: () => processMs(['-e', '0']),
});
report(figure('CLI: smsim --help vs node -e 0', ms.help, 'ms', ms.bare, { atMost: 4 }));
