import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import writeFileAtomic from 'write-file-atomic';
import { readTextOrNull } from './read-text';
import { StoreWriteError } from './store';

/** Compact JSON: the file is written whole only when the journal is folded in, and it stays small to read. */
export const serialise = (data: unknown) => `${JSON.stringify(data)}\n`;

/**
 * A lowdb adapter that writes through a temp file + rename, fsynced, with owner-only permissions. It keeps
 * the text of the last successful write, so a failed one can be undone without reading the disk.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  writes = 0;
  /** What the file holds as far as this process knows: set by the last successful write. */
  written: string | undefined;

  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    const text = await readTextOrNull(this.path);
    if (text === null) return null;
    return JSON.parse(text) as T;
  }

  /** Serialises at once (the state as of this call is what gets written), then writes. */
  async write(data: T): Promise<void> {
    let text: string;
    try {
      text = serialise(data);
    } catch (error) {
      throw new StoreWriteError(this.path, 'serialise', error);
    }
    this.writes++;
    try {
      await writeFileAtomic(this.path, text, { mode: 0o600, fsync: true });
    } catch (error) {
      throw new StoreWriteError(this.path, 'write', error);
    }
    this.written = text;
  }

  /** Removes the temp files (`<file>.<number>`) of writes a killed process never finished. */
  async removeLeftovers(): Promise<void> {
    const prefix = `${basename(this.path)}.`;
    const names = await readdir(dirname(this.path));
    const leftovers = names.filter(
      (name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)),
    );
    await Promise.all(leftovers.map((name) => rm(join(dirname(this.path), name), { force: true })));
  }
}
