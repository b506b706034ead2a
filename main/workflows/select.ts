import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';

/** `--shard 2/3`: the second of three parts. */
export interface Shard {
  index: number;
  total: number;
}

/** Which files a selection takes: those ending in one of `extensions`, named `noun` in its error. */
export interface FileKind {
  extensions: readonly string[];
  noun: string;
}

/** A folder or glob that names no file of the kind asked for. */
export class NothingSelectedError extends Error {}

const slashed = (path: string) => path.split(sep).join('/');

/** Every file below `dir`, as `dir/…` paths with `/`. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => slashed(join(entry.parentPath, entry.name)));
}

async function filesOf(given: string, isOfKind: (file: string) => boolean): Promise<string[]> {
  // Loaded when files are selected, not with every command that parses a --shard.
  const { glob, isDynamicPattern } = await import('tinyglobby');
  if (isDynamicPattern(given)) {
    const files = await glob(slashed(given), { onlyFiles: true, absolute: isAbsolute(given) });
    return files.filter(isOfKind);
  }
  const found = await stat(given).catch(() => undefined);
  if (found?.isDirectory()) return (await filesBelow(given)).filter(isOfKind);
  // A file, or a path that is not there: the command says it cannot read it.
  return [given];
}

/**
 * The files named by files, folders (every file of the kind below) and globs (the files of the kind they
 * match), each once, sorted by path: the order every shard of a CI matrix sees.
 * Throws NothingSelectedError when a folder or glob names none.
 */
export async function selectFiles(given: readonly string[], kind: FileKind): Promise<string[]> {
  const isOfKind = (file: string) => kind.extensions.some((extension) => file.endsWith(extension));
  const all = new Set<string>();
  for (const entry of given) {
    const files = await filesOf(entry, isOfKind);
    if (files.length === 0) throw new NothingSelectedError(`no ${kind.noun} matches ${entry}`);
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

/** `i/n` with 1 ≤ i ≤ n as a shard; undefined for any other text. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const [index, total] = [Number(match?.[1]), Number(match?.[2])];
  return match && index >= 1 && index <= total ? { index, total } : undefined;
}
