import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { z } from 'zod';
import { DATA_FILE_NAME, openStore } from '../../main/store';
import type { CollectionSpec, Json } from '../../main/store/collections';
import { collections, type SimData } from '../../main/store/data';
import { DurableText } from '../../main/store/durable-text';
import { JournalReplay } from '../../main/store/journal-entry';
import { JournalFile } from '../../main/store/journal-file';
import { type JsonFileStoreOptions, openJsonFileStore } from '../../main/store/json-file-store';
import { readStored, writeWhole } from '../../main/store/postgres-rows';
import { ensureTables } from '../../main/store/postgres-schema';
import { openPostgresStore } from '../../main/store/postgres-store';
import type { Store } from '../../main/store/store';
import { describePostgres, type PostgresCluster, startPostgres } from './postgres';
import { tempDir } from './temp-dir';

export type StoreOptions<S extends z.ZodType> = Omit<JsonFileStoreOptions<S>, 'path'>;

/** One way of keeping the state, as the tests that hold for every back end use it. */
export interface StoreBackend {
  name: string;
  /** A fresh place (a file path, a database URL) for one store. */
  place(): Promise<string>;
  open<S extends z.ZodType>(place: string, options: StoreOptions<S>): Promise<Store<z.infer<S>>>;
  /** The simulator's own data store at `place`. */
  openData(place: string): Promise<Store<SimData>>;
  /** What the next start loads from `place` (before migrations and the schema check). */
  durable(place: string, specs?: readonly CollectionSpec[]): Promise<Json>;
  /** Puts `state` at `place` as an older or newer smsim would have left it. */
  seed(place: string, state: Json, specs?: readonly CollectionSpec[]): Promise<void>;
  /** Makes every write fail until the returned function brings the back end back. */
  breakWrites(place: string): Promise<() => Promise<void>>;
}

function fileBackend(): StoreBackend {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeEach(async () => {
    dir = await tempDir();
    return () => dir.remove();
  });
  let places = 0;
  return {
    name: 'the JSON file',
    place: async () => join(dir.path, `store-${++places}`, DATA_FILE_NAME),
    open: (path, options) => openJsonFileStore({ path, ...options }),
    openData: (path) => openStore({ kind: 'file', dir: dirname(path) }),
    durable: (path, specs = collections) => readWith(path, specs),
    seed: async (path, state) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, JSON.stringify(state));
    },
    breakWrites: async (path) => {
      await rm(dirname(path), { recursive: true, force: true });
      return async () => {
        await mkdir(dirname(path), { recursive: true });
      };
    },
  };
}

async function readWith(path: string, specs: readonly CollectionSpec[]): Promise<Json> {
  const replay = new JournalReplay(JSON.parse(await readFile(path, 'utf8')), specs);
  for (const entry of (await new JournalFile(`${path}.journal`).read())?.entries ?? []) replay.apply(entry);
  return replay.finish();
}

async function withClient<R>(url: string, work: (client: pg.Client) => Promise<R>): Promise<R> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function postgresBackend(): StoreBackend & { cluster: () => PostgresCluster } {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.remove());
  return {
    name: 'PostgreSQL',
    cluster: () => cluster,
    place: () => cluster.createDatabase(),
    open: (url, options) => openPostgresStore({ url, ...options }),
    openData: (url) => openStore({ kind: 'postgres', url }),
    durable: (url, specs = collections) =>
      withClient(url, async (client) => (await readStored(client, specs))?.finish() ?? {}),
    seed: (url, state, specs = collections) =>
      withClient(url, async (client) => {
        await ensureTables(client, url);
        await client.query('BEGIN');
        await writeWhole(client, DurableText.of(state, specs));
        await client.query('COMMIT');
      }),
    breakWrites: async () => {
      await cluster.stop();
      return () => cluster.start();
    },
  };
}

/** Runs `body` once for each back end: the JSON file and PostgreSQL (a private cluster for the file). */
export function describeEachStore(name: string, body: (backend: StoreBackend) => void): void {
  describe(`${name} (the JSON file)`, () => body(fileBackend()));
  describePostgres(`${name} (PostgreSQL)`, () => body(postgresBackend()));
}
