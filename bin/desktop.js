#!/usr/bin/env node
// `npm run desktop`: the simulator in an Electron window (main/electron). Builds it first when needed;
// extra arguments go to Electron (`npm run desktop -- --no-sandbox`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = join(ROOT, 'out/main/index.js');
const ELECTRON_PACKAGE = join(ROOT, 'node_modules/electron');

/**
 * Where the `electron` package says its binary is, when it is there. Not `require('electron')`: without a
 * binary that starts a download, which fails only after a while where there is no internet.
 */
function electronBinary() {
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return join(override, executable ?? 'electron');
  return executable && join(ELECTRON_PACKAGE, 'dist', executable);
}

const binary = electronBinary();
if (!binary || !existsSync(binary)) {
  console.error(`smsim desktop: the Electron binary is not installed${binary ? ` (looked for ${binary})` : ''}.
The electron npm package downloads it from GitHub when it is installed, which did not happen here.
To get it, either:
  - on a machine with internet access, run: node node_modules/electron/install.js
  - or use an Electron 45 you have: ELECTRON_OVERRIDE_DIST_PATH=<its folder> npm run desktop
Meanwhile, \`npm start\` runs the same UI in your browser.`);
  process.exit(1);
}

if (!existsSync(ENTRY)) {
  console.log('smsim desktop: building the app (once)…');
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('smsim desktop: the build failed; run `npm run build` to see why.');
    process.exit(1);
  }
}

const electron = spawn(binary, [ENTRY, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => electron.kill(signal));
electron.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
