import { readFile } from 'node:fs/promises';
import { collections } from '../../main/store/data';
import { JournalReplay } from '../../main/store/journal-entry';
import { JournalFile } from '../../main/store/journal-file';

/** What a data file and its journal hold together, read from disk as the next start reads them. */
export async function durableState(path: string): Promise<Record<string, unknown>> {
  const data = JSON.parse(await readFile(path, 'utf8'));
  const journal = await new JournalFile(`${path}.journal`).read();
  const replay = new JournalReplay(data, collections);
  for (const entry of journal?.entries ?? []) replay.apply(entry);
  return replay.finish();
}
