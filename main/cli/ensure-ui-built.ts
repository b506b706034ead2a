import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root';

const UI_INDEX = join(PACKAGE_ROOT, 'out/renderer/index.html');

/** `npm start` on a fresh clone: build the UI once if it is not there yet. */
export async function ensureUiBuilt(): Promise<void> {
  if (existsSync(UI_INDEX)) return;
  console.log('smsim: the UI is not built yet, building it (once)…');
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npx', ['electron-vite', 'build'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0)
    throw new Error(`building the UI failed (exit code ${code}); run \`npm run build\` to see why`);
}
