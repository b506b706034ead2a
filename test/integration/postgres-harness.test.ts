import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describePostgres, type PostgresCluster, startPostgres } from '../helpers/postgres';

describePostgres('private PostgreSQL cluster', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(() => cluster?.remove());

  it('gives each test a database the test role reaches with its password on 127.0.0.1', async () => {
    const url = await cluster.createDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT current_user AS user, inet_server_addr() AS address');
    await client.end();
    expect(rows[0]).toEqual({ user: 'smsim_test', address: '127.0.0.1' });
  });

  it('refuses a wrong password', async () => {
    const url = new URL(await cluster.createDatabase());
    url.password = 'wrong';
    const client = new pg.Client({ connectionString: url.href });
    await expect(client.connect()).rejects.toThrow(/password authentication failed/);
  });
});
