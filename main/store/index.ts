import { join } from 'node:path';
import { collections, dataSchema, emptyData, migrations, SCHEMA_VERSION, type SimData } from './data';
import { openJsonFileStore } from './json-file-store';
import type { Store } from './store';

export type { SimData } from './data';
export type { Store } from './store';
export { StoreLoadError } from './store';

export const DATA_FILE_NAME = 'smsim-data.json';

export function openDataStore(dataDir: string): Promise<Store<SimData>> {
  return openJsonFileStore({
    path: join(dataDir, DATA_FILE_NAME),
    schema: dataSchema,
    version: SCHEMA_VERSION,
    migrations,
    empty: emptyData,
    collections,
  });
}
export { sectionOf } from './section';
