import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { FixtureError } from './load';

/** `--shard 2/3`: the second of three parts. */
export interface Shard {
  index: number;
  total: number;
}

const slashed = (path: string) => path.split(sep).join('/');
const isHar = (file: string) => file.endsWith('.har');

/** Every file below `dir`, as `dir/…` paths with `/`. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => slashed(join(entry.parentPath, entry.name)));
}

async function recordingsOf(given: string): Promise<string[]> {
  if (isDynamicPattern(given)) {
    const files = await glob(slashed(given), { onlyFiles: true, absolute: isAbsolute(given) });
    return files.filter(isHar);
  }
  const found = await stat(given).catch(() => undefined);
  if (found?.isDirectory()) return (await filesBelow(given)).filter(isHar);
  // A file, or a path that is not there: replay says it cannot read it.
  return [given];
}

/**
 * The recordings named by files, folders (every `.har` below) and globs (the `.har` files they match, as
 * `recordings/**` + `/*.har`), each once, sorted by path: the order every shard of a CI matrix sees.
 * Throws FixtureError when a folder or glob names none.
 */
export async function selectRecordings(given: readonly string[]): Promise<string[]> {
  const all = new Set<string>();
  for (const entry of given) {
    const files = await recordingsOf(entry);
    if (files.length === 0) throw new FixtureError(`no recording (.har) matches ${entry}`);
    for (const file of files) all.add(file);
  }
  return [...all].sort();
}

/**
 * The shard's part of a sorted list: the n shards take consecutive runs of nearly equal length, so
 * together they hold every item exactly once, whatever machine runs which shard.
 */
export function shardOf<T>(items: readonly T[], { index, total }: Shard): T[] {
  const start = Math.floor(((index - 1) * items.length) / total);
  return items.slice(start, Math.floor((index * items.length) / total));
}
