import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DATA_FILE_NAME, openStore } from '../../main/store';
import { runCli } from '../helpers/cli';
import { describePostgres, type PostgresCluster, startPostgres } from '../helpers/postgres';
import { startSharingSimulator } from '../helpers/sharing-harness';
import { tempDir } from '../helpers/temp-dir';

let cluster: PostgresCluster;
let dir: Awaited<ReturnType<typeof tempDir>>;

async function smsim(args: string[]) {
  const run = runCli(args);
  return { code: await run.exited, output: run.output() };
}

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

describePostgres('smsim export and import', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
    dir = await tempDir();
  }, 60_000);
  afterAll(async () => {
    await cluster?.remove();
    await dir?.remove();
  });

  it('moves a landscape from the JSON file to PostgreSQL, to a second database and back, equal', async () => {
    const s = await startSharingSimulator();
    const dataFile = join(s.sim.dataDir, DATA_FILE_NAME);
    let original: unknown;
    try {
      const id = await s.provision('db-shared');
      expect((await s.cf('POST', '/service_bindings', { name: 'b1', service_instance_id: id })).status).toBe(
        201,
      );
      await s.sim.simulator.stop();
      original = await readJson(dataFile);
      const [first, second] = [await cluster.createDatabase(), await cluster.createDatabase()];

      const imported = await smsim(['import', dataFile, '--store', first]);
      expect(imported).toMatchObject({ code: 0 });
      expect(imported.output).toMatch(
        /moved 1 brokers, 2 platforms, 1 instances, 1 bindings from .* to postgres:\/\//,
      );
      const copied = await smsim(['export', '--store', first, '--to', second]);
      expect(copied.code).toBe(0);
      const exported = join(dir.path, 'landscape.json');
      expect((await smsim(['export', '--store', second, '--to', exported])).code).toBe(0);

      expect(await readJson(exported)).toEqual(original);
      const store = await openStore({ kind: 'postgres', url: second });
      expect(JSON.parse(JSON.stringify(store.data))).toEqual(original);
      await store.close();
      for (const output of [imported.output, copied.output]) expect(output).not.toContain(cluster.password);
    } finally {
      await s.sim.cleanup().catch(() => undefined);
    }
  });

  it('refuses to overwrite a landscape without --replace, and overwrites it with', async () => {
    const url = await cluster.createDatabase();
    const file = join(dir.path, 'empty.json');
    await (await openStore({ kind: 'postgres', url })).close();
    expect((await smsim(['export', '--store', url, '--to', file])).code).toBe(0);

    const again = await smsim(['import', file, '--store', url]);
    expect(again.code).toBe(2);
    expect(again.output).toMatch(/holds a landscape already: give --replace to overwrite it/);
    const over = await smsim(['export', '--store', url, '--to', file]);
    expect(over.code).toBe(2);
    expect(over.output).toMatch(/exists already: give --replace/);
    expect((await smsim(['import', file, '--store', url, '--replace'])).code).toBe(0);
  });

  it('refuses a file that is not a landscape, naming the field, and a database that holds none', async () => {
    const file = join(dir.path, 'wrong.json');
    await writeFile(file, JSON.stringify({ schemaVersion: 1, secrets: { adminPassword: 42 } }));
    const wrong = await smsim(['import', file, '--store', await cluster.createDatabase()]);
    expect(wrong.code).toBe(2);
    expect(wrong.output).toMatch(/Cannot read the landscape of .*wrong\.json: .*adminPassword/);
    const none = await smsim([
      'export',
      '--store',
      await cluster.createDatabase(),
      '--to',
      join(dir.path, 'x.json'),
    ]);
    expect(none.code).toBe(2);
    expect(none.output).toMatch(/holds no smsim landscape/);
  });
});
