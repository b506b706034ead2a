import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATA_FILE_NAME, openDataStore, StoreLoadError, sectionOf } from '../../main/store';
import { openJsonFileStore } from '../../main/store/json-file-store';
import { StoreWriteError } from '../../main/store/store';
import { startTestSimulator } from '../helpers/simulator';
import { describeEachStore } from '../helpers/store-backends';
import { tempDir } from '../helpers/temp-dir';

const recordsSchema = z.object({ schemaVersion: z.literal(2), records: z.array(z.string()) });
const recordsOptions = {
  schema: recordsSchema,
  version: 2,
  migrations: [{ from: 1, up: (data: Record<string, unknown>) => ({ records: data.items }) }],
  empty: () => ({ schemaVersion: 2 as const, records: [] as string[] }),
};
const itemsOptions = {
  schema: z.object({
    schemaVersion: z.literal(1),
    items: z.array(z.object({ id: z.string(), tags: z.array(z.string()), extra: z.unknown() })),
  }),
  version: 1,
  migrations: [],
  empty: () => ({
    schemaVersion: 1 as const,
    items: [] as { id: string; tags: string[]; extra: unknown }[],
  }),
};

/** A value nested `depth` levels deep: JSON.stringify overflows the stack on it. */
const nested = (depth: number) => {
  let value: Record<string, unknown> = {};
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
};

describeEachStore('the data store', (backend) => {
  it('keeps what was written across a restart', async () => {
    const place = await backend.place();
    const first = await backend.open(place, recordsOptions);
    await first.update((data) => data.records.push('kept'));
    await first.close();
    const second = await backend.open(place, recordsOptions);
    expect(second.data.records).toEqual(['kept']);
    await second.close();
  });

  it('groups 100 concurrent mutations into far fewer writes, every one durable', async () => {
    const place = await backend.place();
    const store = await backend.open(place, recordsOptions);
    const before = store.writeCount;
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        store.update((data) => {
          data.records.push(`r${i}`);
        }),
      ),
    );
    const writes = store.writeCount - before;
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThan(10);
    expect((await backend.durable(place)).records).toHaveLength(100);
    await store.close();
  });

  it('has a mutation stored before update() resolves, even while another write is running', async () => {
    const place = await backend.place();
    const store = await backend.open(place, recordsOptions);
    void store.update((data) => data.records.push('first'));
    await store.update((data) => data.records.push('second'));
    expect((await backend.durable(place)).records).toEqual(['first', 'second']);
    await store.close();
  });

  it('migrates old data to the current schema version', async () => {
    const place = await backend.place();
    await backend.seed(place, { schemaVersion: 1, items: ['old'] });
    const store = await backend.open(place, recordsOptions);
    expect(store.data).toEqual({ schemaVersion: 2, records: ['old'] });
    await store.close();
  });

  it('refuses data that does not match the schema, naming the field', async () => {
    const place = await backend.place();
    const wrong = { schemaVersion: 1, secrets: { adminPassword: 42, sampleBrokerPassword: null } };
    await backend.seed(place, wrong);
    await expect(backend.openData(place)).rejects.toThrow(/adminPassword/);
    expect(await backend.durable(place)).toMatchObject(wrong);
  });

  it('refuses data written by a newer version', async () => {
    const place = await backend.place();
    await backend.seed(place, { schemaVersion: 9, records: [] });
    await expect(backend.open(place, recordsOptions)).rejects.toThrow(/newer smsim/);
  });

  it('refuses every update of a write whose state cannot be serialised, and rolls memory back', async () => {
    const place = await backend.place();
    const store = await backend.open(place, itemsOptions);
    await store.update((data) => data.items.push({ id: 'kept', tags: ['a'], extra: null }));
    const items = store.data.items;
    const kept = items[0]!;
    const stored = await backend.durable(place);

    const outcomes = await Promise.allSettled([
      store.update(() => kept.tags.push('innocent')),
      store.update((data) => data.items.push({ id: 'deep', tags: [], extra: nested(100_000) })),
      store.update((data) => data.items.push({ id: 'bystander', tags: [], extra: null })),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const outcome of outcomes) {
      const error = (outcome as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(StoreWriteError);
      expect(error.status).toBe(503);
      expect(error.toBody()).toMatchObject({ error: 'StoreUnavailable', description: /not saved/ });
    }
    expect(await backend.durable(place)).toEqual(stored);
    expect(store.data).toEqual(stored);
    // The objects callers hold are still the live ones.
    expect(store.data.items).toBe(items);
    expect(store.data.items[0]).toBe(kept);
    expect(kept.tags).toEqual(['a']);

    await store.update(() => kept.tags.push('later'));
    await store.close();
    const reopened = await backend.open(place, itemsOptions);
    expect(reopened.data.items).toEqual([{ id: 'kept', tags: ['a', 'later'], extra: null }]);
    await reopened.close();
  });

  it('keeps a section of the state live across a rollback', async () => {
    const store = await backend.openData(await backend.place());
    const sm = sectionOf(store, 'sm');
    const brokers = sm.state.brokers;
    await expect(
      sm.update((state) => {
        (state as unknown as { extra: unknown }).extra = nested(100_000);
      }),
    ).rejects.toBeInstanceOf(StoreWriteError);
    expect(sm.state.brokers).toBe(brokers);
    expect('extra' in sm.state).toBe(false);
    await store.close();
  });

  it('refuses updates made while a failing write ran, and writes again once the back end is back', async () => {
    const place = await backend.place();
    const store = await backend.open(place, itemsOptions);
    await store.update((data) => data.items.push({ id: 'first', tags: [], extra: null }));
    const restore = await backend.breakWrites(place);

    const first = store.update((data) => data.items.push({ id: 'lost-1', tags: [], extra: null }));
    await new Promise((resolve) => setImmediate(resolve));
    const second = store.update((data) => data.items.push({ id: 'lost-2', tags: [], extra: null }));
    const outcomes = await Promise.allSettled([first, second]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason.description).toMatch(
      /not saved and has been undone/,
    );
    expect(store.data.items.map((item) => item.id)).toEqual(['first']);

    await restore();
    await store.update((data) => data.items.push({ id: 'second', tags: [], extra: null }));
    await store.close();
    const reopened = await backend.open(place, itemsOptions);
    expect(reopened.data.items.map((item) => item.id)).toEqual(['first', 'second']);
    await reopened.close();
  });
});

describe('the JSON file store', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(() => dir.remove());

  it('creates the data file with owner-only permissions', async () => {
    const store = await openDataStore(dir.path);
    const info = await stat(join(dir.path, DATA_FILE_NAME));
    expect(info.mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(store.path, 'utf8')).schemaVersion).toBe(1);
  });

  it('refuses a truncated file with a message naming it and leaves it untouched', async () => {
    const path = join(dir.path, DATA_FILE_NAME);
    const truncated = '{"schemaVersion": 1, "secrets": {"adminPass';
    await writeFile(path, truncated);
    const error = await openDataStore(dir.path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreLoadError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(/move it aside/);
    expect(await readFile(path, 'utf8')).toBe(truncated);
  });

  it('says which file failed to be written', async () => {
    const path = join(dir.path, 'data', 'data.json');
    const store = await openJsonFileStore({ path, ...itemsOptions });
    await rm(join(dir.path, 'data'), { recursive: true });
    const refused = await store
      .update((data) => data.items.push({ id: 'lost', tags: [], extra: null }))
      .catch((error: unknown) => error);
    expect((refused as StoreWriteError).description).toMatch(/writing the data file .*data\.json/);
  });

  it('removes the temp files of writes a killed process left behind', async () => {
    const store = await openDataStore(dir.path);
    await store.flush();
    const leftovers = [`${DATA_FILE_NAME}.1234567890`, `${DATA_FILE_NAME}.42`];
    for (const name of leftovers) await writeFile(join(dir.path, name), '{"half": ');
    await writeFile(join(dir.path, `${DATA_FILE_NAME}.broken`), 'mine');
    await openDataStore(dir.path);
    expect((await readdir(dir.path)).sort()).toEqual([DATA_FILE_NAME, `${DATA_FILE_NAME}.broken`]);
  });
});

describe('a running simulator whose data file cannot be written', () => {
  it('answers 503 StoreUnavailable, keeps nothing of the change, and stores the next one once the disk is back', async () => {
    const t = await startTestSimulator();
    try {
      await t.simulator.store.flush();
      await rm(t.dataDir, { recursive: true });
      const refused = await t.smCall('POST', '/v1/platforms', { name: 'unsaved', type: 'cloudfoundry' });
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ error: 'StoreUnavailable', description: /not saved.*retry/ });
      const listed = await t.smCall('GET', '/v1/platforms');
      expect(listed.body.items.map((platform: { name: string }) => platform.name)).not.toContain('unsaved');

      await mkdir(t.dataDir);
      const saved = await t.smCall('POST', '/v1/platforms', { name: 'saved', type: 'cloudfoundry' });
      expect(saved.status).toBe(201);
      const reopened = await openDataStore(t.dataDir);
      expect(reopened.data.sm.platforms.map((platform) => platform.name)).toContain('saved');
      expect(reopened.data.sm.platforms.map((platform) => platform.name)).not.toContain('unsaved');
    } finally {
      await t.cleanup();
    }
  });
});
