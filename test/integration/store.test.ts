import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATA_FILE_NAME, openDataStore, StoreLoadError } from '../../main/store';
import { openJsonFileStore } from '../../main/store/json-file-store';
import { tempDir } from '../helpers/temp-dir';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.remove());

const recordsSchema = z.object({ schemaVersion: z.literal(2), records: z.array(z.string()) });
const openRecords = (path: string) =>
  openJsonFileStore({
    path,
    schema: recordsSchema,
    version: 2,
    migrations: [{ from: 1, up: (data) => ({ records: data.items }) }],
    empty: () => ({ schemaVersion: 2 as const, records: [] as string[] }),
  });

describe('the JSON file store', () => {
  it('creates the data file with owner-only permissions', async () => {
    const store = await openDataStore(dir.path);
    const info = await stat(join(dir.path, DATA_FILE_NAME));
    expect(info.mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(store.path, 'utf8')).schemaVersion).toBe(1);
  });

  it('keeps what was written across a restart', async () => {
    const path = join(dir.path, 'data.json');
    const first = await openRecords(path);
    await first.update((data) => data.records.push('kept'));
    const second = await openRecords(path);
    expect(second.data.records).toEqual(['kept']);
  });

  it('groups 100 concurrent mutations into far fewer writes, every one durable', async () => {
    const path = join(dir.path, 'data.json');
    const store = await openRecords(path);
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
    const onDisk = JSON.parse(await readFile(path, 'utf8'));
    expect(onDisk.records).toHaveLength(100);
  });

  it('has a mutation on disk before update() resolves, even while another write is running', async () => {
    const path = join(dir.path, 'data.json');
    const store = await openRecords(path);
    void store.update((data) => data.records.push('first'));
    await store.update((data) => data.records.push('second'));
    expect(JSON.parse(await readFile(path, 'utf8')).records).toEqual(['first', 'second']);
  });

  it('migrates old data to the current schema version', async () => {
    const path = join(dir.path, 'data.json');
    await writeFile(path, JSON.stringify({ schemaVersion: 1, items: ['old'] }));
    const store = await openRecords(path);
    expect(store.data).toEqual({ schemaVersion: 2, records: ['old'] });
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

  it('refuses data that does not match the schema, naming the field', async () => {
    const path = join(dir.path, DATA_FILE_NAME);
    const wrong = JSON.stringify({
      schemaVersion: 1,
      secrets: { adminPassword: 42, sampleBrokerPassword: null },
    });
    await writeFile(path, wrong);
    await expect(openDataStore(dir.path)).rejects.toThrow(/adminPassword/);
    expect(await readFile(path, 'utf8')).toBe(wrong);
  });

  it('refuses data written by a newer version', async () => {
    const path = join(dir.path, 'data.json');
    await writeFile(path, JSON.stringify({ schemaVersion: 9, records: [] }));
    await expect(openRecords(path)).rejects.toThrow(/newer smsim/);
  });
});
