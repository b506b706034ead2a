import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { provision, seeded } from '../../bench/store-records';
import { openStore } from '../../main/store';
import { collections, dataSchema, emptyData, migrations, SCHEMA_VERSION } from '../../main/store/data';
import { openPostgresStore } from '../../main/store/postgres-store';
import { type CliRun, runCli, startServe, waitForOutput } from '../helpers/cli';
import { describePostgres, type PostgresCluster, startPostgres } from '../helpers/postgres';
import { tempDir } from '../helpers/temp-dir';

let cluster: PostgresCluster;

const basic = (credentials: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;

async function serviceManagerOf(controlUrl: string) {
  const endpoints = await (await fetch(`${controlUrl}/api/endpoints`)).json();
  return { url: endpoints.serviceManager.url as string, auth: basic(endpoints.serviceManager.admin) };
}

const createPlatform = (sm: { url: string; auth: string }, name: string) =>
  fetch(`${sm.url}/v1/platforms`, {
    method: 'POST',
    headers: { Authorization: sm.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, type: 'cloudfoundry' }),
  }).then((answer) => answer.status);

describePostgres('one writer and a standby on the same database', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.remove());

  it('makes a second store wait as standby, saying so, and take over with everything once the first closes', async () => {
    const url = await cluster.createDatabase();
    const writer = await openStore({ kind: 'postgres', url });
    const told: string[] = [];
    let opened = false;
    const standby = openStore({ kind: 'postgres', url }, { standby: (message) => told.push(message) }).then(
      (store) => {
        opened = true;
        return store;
      },
    );
    await expect.poll(() => told, { timeout: 10_000 }).toHaveLength(1);
    expect(told[0]).toMatch(
      /^another smsim serves postgres:\/\/smsim_test:\*\*\*@.*: waiting as its standby/,
    );
    await writer.update((data) => {
      data.secrets.adminPassword = 'written-by-first';
    });
    expect(opened).toBe(false);
    const closedAt = Date.now();
    await writer.close();
    const taken = await standby;
    expect(Date.now() - closedAt).toBeLessThan(5000);
    expect(taken.data.secrets.adminPassword).toBe('written-by-first');
    await taken.close();
  });

  it('takes over within 5 s of a writer killed under load, with every acknowledged change', {
    timeout: 120_000,
  }, async () => {
    const url = await cluster.createDatabase();
    const dirs = await Promise.all([tempDir(), tempDir()]);
    const runs: CliRun[] = [];
    try {
      const writer = await startServe(dirs[0].path, ['--store', url, '--no-sample-broker']);
      runs.push(writer);
      const standby = runCli(
        ['serve', '--port-base', '0', '--data', dirs[1].path, '--store', url, '--no-sample-broker'],
        {
          NODE_ENV: 'production',
        },
      );
      runs.push(standby);
      await waitForOutput(standby, 'waiting as its standby');

      const sm = await serviceManagerOf(writer.controlUrl);
      const acknowledged: string[] = [];
      let sent = 0;
      let killing = false;
      const load = Array.from({ length: 8 }, async () => {
        while (!killing || sent < 40) {
          const name = `load-${sent++}`;
          const status = await createPlatform(sm, name).catch(() => 0);
          if (status === 201) acknowledged.push(name);
          if (status === 0) return;
        }
      });
      await expect.poll(() => acknowledged.length, { timeout: 20_000 }).toBeGreaterThan(20);
      killing = true;
      writer.child.kill('SIGKILL');
      const killedAt = Date.now();
      await Promise.all(load);
      await waitForOutput(standby, 'smsim ready', 10_000);
      expect(Date.now() - killedAt).toBeLessThan(5000);

      const controlUrl = standby
        .output()
        .split('\n')
        .find((line) => line.includes('control'))
        ?.match(/http:\/\/127\.0\.0\.1:\d+/)?.[0];
      const taken = await serviceManagerOf(controlUrl!);
      const listed = await fetch(`${taken.url}/v1/platforms`, { headers: { Authorization: taken.auth } });
      const names = ((await listed.json()).items as Array<{ name: string }>).map((platform) => platform.name);
      expect(names).toEqual(expect.arrayContaining(acknowledged));
      // The simulated platforms run again against the taken-over Service Manager.
      const platforms = await fetch(`${controlUrl}/api/platforms/cf-dev/marketplace`);
      expect(platforms.status).toBe(200);
      expect(standby.output()).not.toContain(cluster.password);
    } finally {
      for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGKILL');
      await Promise.all(runs.map((run) => run.exited));
      await Promise.all(dirs.map((dir) => dir.remove()));
    }
  });

  it('takes over a landscape of 10,000 instances with what its writer committed until it was killed, at once', {
    timeout: 120_000,
  }, async () => {
    const url = await cluster.createDatabase();
    const options = { url, schema: dataSchema, version: SCHEMA_VERSION, migrations, collections };
    await (await openPostgresStore({ ...options, empty: () => seeded(10_000) })).close();
    const writer = await openPostgresStore({ ...options, empty: emptyData });
    let waiting!: () => void;
    const standbyWaits = new Promise<void>((resolve) => {
      waiting = resolve;
    });
    const standby = openPostgresStore({ ...options, empty: emptyData, standby: () => waiting() });
    await standbyWaits;
    // The writer goes on committing while the standby waits: the take-over must have every one of them.
    for (let i = 0; i < 20; i++) await writer.update((data) => provision(data, 10_000 + i));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // What a SIGKILL of the writer does to its session: the database ends it and frees the writer's lock.
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()",
    );
    const killedAt = performance.now();
    const taken = await standby;
    // Only the commits since its copy are read and checked: no load of the whole landscape.
    expect(performance.now() - killedAt).toBeLessThan(1000);
    expect(taken.data.sm.instances).toHaveLength(10_020);
    expect(taken.data.sm.instances.at(-1)!.name).toBe('db-10019');
    await taken.update((data) => provision(data, 10_020));
    await taken.close();
    await admin.end();
    await writer.close().catch(() => undefined);
  });
});
