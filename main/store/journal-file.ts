import { open, rm } from 'node:fs/promises';
import type { JournalEntry } from './journal-entry';
import { readTextOrNull } from './read-text';
import { StoreLoadError } from './store';

export interface JournalContents {
  entries: JournalEntry[];
  /** The last line was cut short (a write the process did not finish): it was never acknowledged. */
  torn: boolean;
}

/** The append-only file of changes beside the data file: one line of JSON per group commit. */
export class JournalFile {
  constructor(readonly path: string) {}

  /** Appends one line and syncs it to disk; opened for each append, so a file moved away is not written. */
  async append(line: string): Promise<void> {
    const handle = await open(this.path, 'a', 0o600);
    try {
      await handle.writeFile(line);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  async read(): Promise<JournalContents | null> {
    const text = await readTextOrNull(this.path);
    if (text === null) return null;
    const lines = text.split('\n');
    const tail = lines.pop()!; // what follows the last newline: empty unless the last append was cut
    const entries = lines.map((line, index) => {
      try {
        return JSON.parse(line) as JournalEntry;
      } catch (error) {
        throw new StoreLoadError(
          this.path,
          `line ${index + 1} is not valid JSON (${(error as Error).message})`,
        );
      }
    });
    return { entries, torn: tail !== '' };
  }

  remove(): Promise<void> {
    return rm(this.path, { force: true });
  }
}
