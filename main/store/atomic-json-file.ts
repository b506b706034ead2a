import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import writeFileAtomic from 'write-file-atomic';

/** A lowdb adapter that writes through a temp file + rename, fsynced, with owner-only permissions. */
export class AtomicJsonFile<T> implements Adapter<T> {
  writes = 0;

  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return JSON.parse(text) as T;
  }

  async write(data: T): Promise<void> {
    this.writes++;
    await writeFileAtomic(this.path, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600, fsync: true });
  }
}
