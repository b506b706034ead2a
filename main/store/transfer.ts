import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { fromError } from 'zod-validation-error';
import { serialise } from './atomic-json-file';
import { dataSchema, migrations, SCHEMA_VERSION, type SimData } from './data';
import { DATA_FILE_NAME, openDataStore } from './index';
import { migrate } from './migrations';
import { StoreLoadError } from './store';
import { type StoreLocation, shownStoreUrl } from './store-location';
import { TransferError } from './transfer-error';

export { TransferError };

/** One end of a move: a data folder or a database (a store), or a JSON file of its own. */
export type LandscapeEnd = StoreLocation | { kind: 'json'; path: string };

export const describeEnd = (end: LandscapeEnd) =>
  end.kind === 'postgres'
    ? shownStoreUrl(end.url)
    : end.kind === 'json'
      ? end.path
      : join(end.dir, DATA_FILE_NAME);

function checked(raw: unknown, where: string): SimData {
  try {
    const migrated = migrate(raw, SCHEMA_VERSION, migrations, where);
    const parsed = dataSchema.safeParse(migrated);
    if (!parsed.success) throw new StoreLoadError(where, fromError(parsed.error).message);
    return parsed.data;
  } catch (error) {
    if (error instanceof StoreLoadError)
      throw new TransferError(`Cannot read the landscape of ${where}: ${error.reason}.`);
    throw error;
  }
}

/** The landscape kept at `end`, migrated to this smsim's schema and checked. */
export async function readLandscape(end: LandscapeEnd): Promise<SimData> {
  const where = describeEnd(end);
  if (end.kind === 'postgres') {
    const { readDatabase } = await import('./postgres-transfer');
    return checked(await readDatabase(end.url), where);
  }
  if (end.kind === 'file') {
    if (!existsSync(where)) throw new TransferError(`There is no data file ${where}.`);
    const store = await openDataStore(end.dir);
    const data = store.data;
    await store.close();
    return data;
  }
  let text: string;
  try {
    text = await readFile(end.path, 'utf8');
  } catch (error) {
    throw new TransferError(`Cannot read ${end.path}: ${(error as Error).message}.`);
  }
  try {
    return checked(JSON.parse(text), where);
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new TransferError(`${end.path} is not valid JSON: ${error.message}.`);
    throw error;
  }
}

/** Writes the landscape to `end` whole; refuses to overwrite one already there unless `replace`. */
export async function writeLandscape(end: LandscapeEnd, data: SimData, replace: boolean): Promise<void> {
  if (end.kind === 'postgres') {
    const { writeDatabase } = await import('./postgres-transfer');
    return writeDatabase(end.url, data, replace);
  }
  const path = describeEnd(end);
  if (existsSync(path) && !replace)
    throw new TransferError(`${path} exists already: give --replace to overwrite it.`);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, serialise(data), { mode: 0o600, fsync: true });
  // A data folder's journal belongs to the file it replaced.
  if (end.kind === 'file') await rm(`${path}.journal`, { force: true });
}
