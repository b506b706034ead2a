#!/usr/bin/env node
// The `smsim` command: runs the compiled CLI (dist/, built by `npm run build`). In a fresh checkout it
// builds it first, once; the UI is built on the first `smsim serve` (main/cli/ensure-ui-built.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = new URL('../dist/cli.mjs', import.meta.url);

if (!existsSync(CLI)) {
  console.error('smsim: the CLI is not built yet, building it (once)…');
  const build = spawnSync('npx', ['tsdown', '--log-level', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('smsim: the build failed; run `npm run build` to see why.');
    process.exit(1);
  }
}
await import(CLI.href);
