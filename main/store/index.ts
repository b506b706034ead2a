import { join } from 'node:path';
import { collections, dataSchema, emptyData, migrations, SCHEMA_VERSION, type SimData } from './data';
import { openJsonFileStore } from './json-file-store';
import type { Store } from './store';
import type { StoreLocation } from './store-location';

export type { SimData } from './data';
export type { Store } from './store';
export { StoreLoadError } from './store';
export {
  isPostgresUrl,
  parseStoreUrl,
  type StoreLocation,
  shownStoreUrl,
} from './store-location';

export const DATA_FILE_NAME = 'smsim-data.json';

const simData = { schema: dataSchema, version: SCHEMA_VERSION, migrations, empty: emptyData, collections };

export function openDataStore(dataDir: string): Promise<Store<SimData>> {
  return openJsonFileStore({ path: join(dataDir, DATA_FILE_NAME), ...simData });
}

export interface StoreHooks {
  /** What the store recovered from or could not do in the background. */
  warn?: (message: string) => void;
  /** Another smsim serves the database: this one waits as its standby until it stops. */
  standby?: (message: string) => void;
}

/** The simulator's state where `location` says; the PostgreSQL driver is loaded only for a database. */
export async function openStore(location: StoreLocation, hooks: StoreHooks = {}): Promise<Store<SimData>> {
  if (location.kind === 'file') return openDataStore(location.dir);
  const { openPostgresStore } = await import('./postgres-store');
  return openPostgresStore({ url: location.url, ...simData, ...hooks });
}
export { sectionOf } from './section';
