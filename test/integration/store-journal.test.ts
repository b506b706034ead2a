import { readdir, readFile, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATA_FILE_NAME, openDataStore, type SimData, type Store } from '../../main/store';
import { openJsonFileStore } from '../../main/store/json-file-store';
import { describeEachStore } from '../helpers/store-backends';
import { tempDir } from '../helpers/temp-dir';

const itemSchema = z.object({ id: z.string(), name: z.string(), tags: z.array(z.string()) });
const itemsOptions = {
  schema: z.object({
    schemaVersion: z.literal(1),
    items: z.array(itemSchema),
    byName: z.record(z.string(), z.string()),
  }),
  version: 1,
  migrations: [],
  empty: () => ({ schemaVersion: 1 as const, items: [] as z.infer<typeof itemSchema>[], byName: {} }),
  collections: [
    { path: 'items', kind: 'array' as const },
    { path: 'byName', kind: 'map' as const },
  ],
};
const openItems = (path: string, warnings: string[] = []) =>
  openJsonFileStore({ path, ...itemsOptions, warn: (message) => warnings.push(message) });

/** Stores a sample broker instance for each id, 500 updates at a time. */
async function storeInstances(store: Store<SimData>, ids: readonly string[]) {
  for (let from = 0; from < ids.length; from += 500)
    await Promise.all(
      ids.slice(from, from + 500).map((id) =>
        store.update((data) => {
          data.sampleBroker.instances[id] = {
            id,
            serviceId: 'db',
            planId: 'small',
            parameters: { size: id },
            context: {},
            maintenanceVersion: null,
            dashboardUrl: `http://127.0.0.1/${id}`,
            createdAt: 'now',
            updatedAt: 'now',
            operation: null,
          };
        }),
      ),
    );
}

describeEachStore('the data store, record by record', (backend) => {
  it('stores 10,000 instances, and after a restart finds every one', async () => {
    const place = await backend.place();
    const store = await backend.openData(place);
    const ids = Array.from({ length: 10_000 }, (_, i) => `instance-${i}`);
    await storeInstances(store, ids);
    await store.close();
    const reopened = await backend.openData(place);
    for (const id of ids) expect(reopened.data.sampleBroker.instances[id]?.parameters).toEqual({ size: id });
    await reopened.close();
  });

  it("refuses, under the test runs' check, a change made through a record kept from before the update", async () => {
    const place = await backend.place();
    const store = await backend.open(place, itemsOptions);
    await store.update((data) => data.items.push({ id: 'kept', name: 'k', tags: [] }));
    const kept = store.data.items[0]!;
    await expect(store.update(() => kept.tags.push('unseen'))).rejects.toThrow(
      /differs from memory at items\[0\]\.tags/,
    );
    // The same change through the state update() hands out is journaled.
    await store.update((data) => data.items[0]!.tags.push('seen'));
    await store.close();
    const reopened = await backend.open(place, itemsOptions);
    expect(reopened.data.items[0]!.tags).toEqual(['unseen', 'seen']);
    await reopened.close();
  });
});

describe('the data store journal', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(() => dir.remove());

  it('folds the journal into one compact data file at start, readable JSON', async () => {
    const store = await openDataStore(dir.path);
    await storeInstances(
      store,
      Array.from({ length: 1000 }, (_, i) => `instance-${i}`),
    );
    expect(await readdir(dir.path)).toContain(`${DATA_FILE_NAME}.journal`);
    await openDataStore(dir.path);
    expect(await readdir(dir.path)).toEqual([DATA_FILE_NAME]);
    const text = await readFile(join(dir.path, DATA_FILE_NAME), 'utf8');
    expect(text).not.toContain('\n  ');
    expect(Object.keys(JSON.parse(text).sampleBroker.instances)).toHaveLength(1000);
  });

  it('appends what a commit changed, not the whole state', async () => {
    const path = join(dir.path, 'data.json');
    const store = await openItems(path);
    await store.update((data) => {
      for (let i = 0; i < 2000; i++) data.items.push({ id: `i${i}`, name: 'x'.repeat(100), tags: [] });
    });
    await store.flush();
    await store.update((data) => data.items[1000]!.tags.push('changed'));
    const journal = await stat(`${path}.journal`);
    expect(journal.size).toBeLessThan(1000);
    expect((await openItems(path)).data.items[1000]!.tags).toEqual(['changed']);
  });

  it('loads a journal cut in the middle of its last line with a warning, losing nothing acknowledged', async () => {
    const path = join(dir.path, 'data.json');
    const store = await openItems(path);
    for (let i = 0; i < 5; i++)
      await store.update((data) => {
        data.items.push({ id: `i${i}`, name: `n${i}`, tags: [] });
        data.byName[`n${i}`] = `i${i}`;
      });
    await store.update((data) => data.items.splice(0, 1));
    await store.update((data) => {
      data.items[0]!.tags.push('edited');
      delete data.byName.n0;
    });
    const acknowledged = JSON.parse(JSON.stringify(store.data));
    const before = (await stat(`${path}.journal`)).size;
    // The next commit's line cut short, as a kill in the middle of its append leaves it (never acknowledged).
    await store.update((data) => data.items.push({ id: 'unacknowledged', name: 'u', tags: [] }));
    const cutAt = before + 10;
    await truncate(`${path}.journal`, cutAt);
    expect((await stat(`${path}.journal`)).size).toBe(cutAt);

    const warnings: string[] = [];
    const reopened = await openItems(path, warnings);
    expect(reopened.data).toEqual(acknowledged);
    expect(warnings).toEqual([expect.stringMatching(/cut short.*ignored/)]);
    // The torn line is gone: commits after the restart load again.
    await reopened.update((data) => data.items.push({ id: 'after', name: 'a', tags: [] }));
    const third = await openItems(path, warnings);
    expect(third.data.items.map((item) => item.id)).toEqual(['i1', 'i2', 'i3', 'i4', 'after']);
    expect(warnings).toHaveLength(1);
  });
});
