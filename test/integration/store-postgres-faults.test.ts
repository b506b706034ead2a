import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { openStore } from '../../main/store';
import { runCli } from '../helpers/cli';
import { describePostgres, type PostgresCluster, startPostgres } from '../helpers/postgres';
import { startTestSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

let cluster: PostgresCluster;
let dir: Awaited<ReturnType<typeof tempDir>>;

/** `smsim serve` that must not start: its exit code and output. */
async function serveRefused(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = runCli(['serve', '--port-base', '0', '--data', dir.path, ...args], env);
  const code = await run.exited;
  return { code, output: run.output() };
}

const withPassword = (url: string, password: string) => {
  const changed = new URL(url);
  changed.password = password;
  return changed.href;
};

describePostgres('smsim serve --store on a database it cannot use', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.remove());
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(() => dir.remove());

  it('names an unreachable database in one sentence and exits 2, never printing the password', async () => {
    const url = `postgres://smsim:hunter2-secret@127.0.0.1:${cluster.port + 1}/landscape`;
    const { code, output } = await serveRefused(['--store', url]);
    expect(code).toBe(2);
    expect(output.trim()).toMatch(
      /^smsim: Cannot reach the database postgres:\/\/smsim:\*\*\*@127\.0\.0\.1:\d+\/landscape \(ECONNREFUSED\): is PostgreSQL running there/,
    );
    expect(output).not.toContain('hunter2-secret');
  });

  it('says the credentials were refused for a wrong password (given by SMSIM_STORE), and exits 2', async () => {
    const url = withPassword(await cluster.createDatabase(), 'not-the-password');
    const { code, output } = await serveRefused([], { SMSIM_STORE: url });
    expect(code).toBe(2);
    expect(output).toMatch(/refused the credentials of smsim_test .*check the user name and password/);
    expect(output).not.toContain('not-the-password');
  });

  it('says a role may not create the tables, and exits 2', async () => {
    await cluster.admin("CREATE ROLE smsim_reader LOGIN PASSWORD 'reader-pass'");
    await cluster.admin('CREATE DATABASE shared_by_admin');
    const url = `postgres://smsim_reader:reader-pass@127.0.0.1:${cluster.port}/shared_by_admin`;
    const { code, output } = await serveRefused(['--store', url]);
    expect(code).toBe(2);
    expect(output).toMatch(
      /User smsim_reader may not create or use smsim's tables .*GRANT CREATE ON SCHEMA public/,
    );
    expect(output).not.toContain('reader-pass');
  });

  it('refuses tables made by a newer smsim (a config store.url), and exits 2, leaving them untouched', async () => {
    const url = await cluster.createDatabase();
    await (await openStore({ kind: 'postgres', url })).close();
    const database = new URL(url).pathname.slice(1);
    await cluster.admin('UPDATE smsim_schema SET version = 99', database);
    const config = join(dir.path, 'config.json');
    await writeFile(config, JSON.stringify({ store: { url } }));
    const { code, output } = await serveRefused(['--config', config]);
    expect(code).toBe(2);
    expect(output).toMatch(/made by a newer smsim \(table version 99, this one knows up to 3\)/);
    expect(output).not.toContain(cluster.password);
    const { rows } = await cluster.admin('SELECT version FROM smsim_schema', database);
    expect(rows).toEqual([{ version: 99 }]);
  });

  it('refuses a --store that is not a PostgreSQL URL, and exits 2', async () => {
    const { code, output } = await serveRefused(['--store', 'mysql://u:pw-123@127.0.0.1/x']);
    expect(code).toBe(2);
    expect(output).toMatch(/must be a PostgreSQL URL/);
    expect(output).not.toContain('pw-123');
  });
});

describePostgres('a simulator whose database goes away while it serves', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.remove());

  it('refuses writes with 503 and a sentence, goes on reading, and stores again once the database is back', async () => {
    const url = await cluster.createDatabase();
    const t = await startTestSimulator({ store: url });
    try {
      expect((await t.smCall('POST', '/v1/platforms', { name: 'before', type: 'cloudfoundry' })).status).toBe(
        201,
      );
      await cluster.stop();
      const refused = await t.smCall('POST', '/v1/platforms', { name: 'unsaved', type: 'cloudfoundry' });
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({
        error: 'StoreUnavailable',
        description: expect.stringMatching(
          /not saved and has been undone: the database .* did not take it .*retry/,
        ),
      });
      expect(refused.text).not.toContain(cluster.password);
      const listed = await t.smCall('GET', '/v1/platforms');
      expect(listed.status).toBe(200);
      const names = listed.body.items.map((platform: { name: string }) => platform.name);
      expect(names).toContain('before');
      expect(names).not.toContain('unsaved');

      await cluster.start();
      expect((await t.smCall('POST', '/v1/platforms', { name: 'after', type: 'cloudfoundry' })).status).toBe(
        201,
      );
    } finally {
      await t.cleanup();
    }
    const reopened = await openStore({ kind: 'postgres', url });
    const names = reopened.data.sm.platforms.map((platform) => platform.name);
    await reopened.close();
    expect(names).toEqual(expect.arrayContaining(['before', 'after']));
    expect(names).not.toContain('unsaved');
  });

  it('reconnects by itself when the server ends its connections', async () => {
    const url = await cluster.createDatabase();
    const t = await startTestSimulator({ store: url });
    try {
      await cluster.dropConnections();
      expect(
        (await t.smCall('POST', '/v1/platforms', { name: 'resumed', type: 'cloudfoundry' })).status,
      ).toBe(201);
    } finally {
      await t.cleanup();
    }
    const reopened = await openStore({ kind: 'postgres', url });
    expect(reopened.data.sm.platforms.map((platform) => platform.name)).toContain('resumed');
    await reopened.close();
  });
});
