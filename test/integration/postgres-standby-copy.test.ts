import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { provision } from '../../bench/store-records';
import { emptyPlatformState } from '../../main/core/platform/state';
import { openStore } from '../../main/store';
import { collections, dataSchema, emptyData, migrations, SCHEMA_VERSION } from '../../main/store/data';
import { inSnapshot, loadState } from '../../main/store/postgres-load';
import { StandbyCopy } from '../../main/store/postgres-standby-copy';
import { writeDatabase } from '../../main/store/postgres-transfer';
import { describePostgres, type PostgresCluster, startPostgres } from '../helpers/postgres';

let cluster: PostgresCluster;
const options = { schema: dataSchema, version: SCHEMA_VERSION, migrations, empty: emptyData, collections };
const SHOWN = 'the database';

async function connected(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The store opened on a new database, with a few instances and a platform of its own. */
async function landscape() {
  const url = await cluster.createDatabase();
  const writer = await openStore({ kind: 'postgres', url });
  await writer.update((data) => {
    data.platforms.cf = emptyPlatformState({ username: 'proxy', password: 'proxy-password' });
    for (let i = 0; i < 5; i++) provision(data, i);
  });
  return { url, writer, client: await connected(url) };
}

const wholeLoad = (client: pg.ClientBase) => inSnapshot(client, () => loadState(client, options, SHOWN));

describePostgres("a standby's copy of the state", () => {
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.remove());

  it('catches up with records written, changed, removed and moved since, to what a whole load gives', async () => {
    const { writer, client } = await landscape();
    try {
      const copy = await StandbyCopy.load(client, options, SHOWN);
      expect(copy).not.toBeNull();
      await writer.update((data) => {
        data.sm.instances[1]!.name = 'renamed';
        data.sm.instances.splice(2, 1);
        delete data.sampleBroker.instances[data.sm.instances[0]!.id];
      });
      await writer.update((data) => {
        data.sm.instances.push(data.sm.instances.shift()!); // removed and written again: it goes last
        provision(data, 5);
        data.secrets.adminPassword = 'changed';
        data.platforms.k8s = emptyPlatformState({ username: 'proxy-k8s', password: 'proxy-k8s-password' });
      });
      expect(await copy!.catchUp(client)).toBe(true);
      const whole = await wholeLoad(client);
      expect(JSON.stringify(copy!.finish())).toBe(JSON.stringify(whole.data));
      expect(whole.data.sm.instances.map((instance) => instance.name)).toEqual([
        'renamed',
        'db-3',
        'db-4',
        'db-0',
        'db-5',
      ]);
      expect(whole.data.secrets.adminPassword).toBe('changed');
    } finally {
      await writer.close();
      await client.end();
    }
  });

  it('does not catch up past an import that replaced the whole state', async () => {
    const { url, writer, client } = await landscape();
    try {
      const copy = await StandbyCopy.load(client, options, SHOWN);
      await writer.close();
      await writeDatabase(url, emptyData(), true);
      expect(await copy!.catchUp(client)).toBe(false);
    } finally {
      await client.end();
    }
  });

  it('refuses a changed record the schema refuses, saying where', async () => {
    const { url, writer, client } = await landscape();
    try {
      const copy = await StandbyCopy.load(client, options, SHOWN);
      await writer.close();
      const other = await connected(url);
      await other.query(
        `UPDATE smsim_records SET record = '{"id": "x"}', written = written + 1 WHERE collection = 'sm.instances'`,
      );
      await other.query('UPDATE smsim_schema SET commits = commits + 1');
      await other.end();
      await expect(copy!.catchUp(client)).rejects.toThrow(/name/);
    } finally {
      await client.end();
    }
  });
});
