import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const DESKTOP = fileURLToPath(new URL('../../bin/desktop.js', import.meta.url));
const ELECTRON = fileURLToPath(new URL('../../node_modules/electron/', import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL('../../out/main/index.js', import.meta.url)));

/** Where an Electron binary was downloaded `npm run desktop` would open a window: these tests are for where it was not. */
const electronInstalled =
  existsSync(`${ELECTRON}path.txt`) &&
  existsSync(`${ELECTRON}dist/${readFileSync(`${ELECTRON}path.txt`, 'utf8')}`);

function desktop(env: NodeJS.ProcessEnv) {
  const run = spawnSync(process.execPath, [DESKTOP], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe.skipIf(electronInstalled)('npm run desktop without the Electron binary', () => {
  it('says what is missing and how to get it, and exits 1 without building', () => {
    const run = desktop({ ELECTRON_OVERRIDE_DIST_PATH: '' });
    expect(run.status).toBe(1);
    expect(run.output).toContain('the Electron binary is not installed');
    expect(run.output).toContain('node node_modules/electron/install.js');
    expect(run.output).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(run.output).toContain('`npm start` runs the same UI in your browser');
    expect(run.output).not.toContain('building');
  });

  it('names the folder ELECTRON_OVERRIDE_DIST_PATH points to when it holds no Electron', async () => {
    const dir = await tempDir();
    try {
      const run = desktop({ ELECTRON_OVERRIDE_DIST_PATH: dir.path });
      expect(run.status).toBe(1);
      expect(run.output).toContain(`looked for ${dir.path}`);
    } finally {
      await dir.remove();
    }
  });
});

// Runs after `npm run build` (as in `npm test`); on a clean tree it would build first, so it is skipped.
describe.skipIf(!BUILT || process.platform === 'win32')('npm run desktop with an Electron binary', () => {
  it('runs it on the built main process with the extra arguments, and exits with its code', async () => {
    const dir = await tempDir();
    try {
      const fake = join(dir.path, 'electron');
      writeFileSync(fake, '#!/bin/sh\necho "electron $@"\nexit 3\n');
      chmodSync(fake, 0o755);
      const run = spawnSync(process.execPath, [DESKTOP, '--no-sandbox'], {
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dir.path },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(run.status).toBe(3);
      expect(run.stdout).toMatch(/^electron \S*out\/main\/index\.js --no-sandbox$/m);
    } finally {
      await dir.remove();
    }
  });
});
