import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The smsim package folder: the nearest folder above this module with a package.json. Found rather than
 * fixed, because this code runs from the sources (main/…), from the build (dist/) and from the Electron
 * bundle (out/main/), each at another depth.
 */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

/** A file of the package's `fixtures/` folder, e.g. `shippedFixture('recordings/sample-session.har')`. */
export function shippedFixture(path: string): string {
  return join(PACKAGE_ROOT, 'fixtures', path);
}
