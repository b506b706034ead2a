import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port';

const run = promisify(execFile);
const SERVER_USER = 'postgres';
/** The role the tests connect as (password auth over TCP, as a user's smsim does). */
export const TEST_ROLE = 'smsim_test';

/** Where initdb and pg_ctl are: Debian's newest /usr/lib/postgresql/N/bin, or the folder of `initdb` on PATH. */
function binDir(): string | null {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => existsSync(join(debian, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  try {
    const found = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    return found ? join(found, '..') : null;
  } catch {
    return null;
  }
}

function unavailableReason(): string | null {
  if (!binDir()) return 'PostgreSQL is not installed (no initdb; apt-get install postgresql)';
  try {
    execFileSync('id', [SERVER_USER], { stdio: 'ignore' });
  } catch {
    return `there is no "${SERVER_USER}" user to run the PostgreSQL server as`;
  }
  return null;
}

/** Why no cluster can be started here, or null. */
export const postgresUnavailable = unavailableReason();

const asServerUser = (bin: string, args: string[]) =>
  run('runuser', ['-u', SERVER_USER, '--', bin, ...args], { encoding: 'utf8' });

export interface PostgresCluster {
  port: number;
  /** The test role's password (for tests that check it never shows). */
  password: string;
  /** A new empty database owned by the test role; its URL with the role's credentials. */
  createDatabase(): Promise<string>;
  /** Runs SQL as the cluster's superuser in `database` (default: postgres). */
  admin(sql: string, database?: string): Promise<pg.QueryResult>;
  /** Ends every connection of the test role, as a database restart or a network cut would. */
  dropConnections(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A private PostgreSQL cluster for one test file: initdb in a temp folder owned by the `postgres` user, a free
 * port on 127.0.0.1 only, a superuser reached over the folder's socket and a password role for the tests.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  if (postgresUnavailable) throw new Error(`Cannot start a PostgreSQL cluster: ${postgresUnavailable}.`);
  const bin = binDir()!;
  const dir = await mkdtemp(join(tmpdir(), 'smsim-pg-'));
  const data = join(dir, 'data');
  const { uid, gid } = await idsOf(SERVER_USER);
  await chown(dir, uid, gid);
  const password = randomBytes(12).toString('base64url');
  const superPassword = randomBytes(12).toString('base64url');
  const pwfile = join(dir, 'pwfile');
  await writeFile(pwfile, superPassword, { mode: 0o600 });
  await chown(pwfile, uid, gid);
  await asServerUser(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    SERVER_USER,
    `--pwfile=${pwfile}`,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  const port = await freePort();
  const pgCtl = join(bin, 'pg_ctl');
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = async () => {
    await asServerUser(pgCtl, ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  };
  const stop = async () => {
    await asServerUser(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
  };
  // A test process that dies leaves no server behind.
  const stopAtExit = () => {
    try {
      execFileSync('runuser', ['-u', SERVER_USER, '--', pgCtl, '-D', data, '-m', 'immediate', 'stop'], {
        stdio: 'ignore',
      });
    } catch {}
  };
  process.once('exit', stopAtExit);
  await start();

  const admin = async (sql: string, database = 'postgres') => {
    const client = new pg.Client({ host: dir, port, user: SERVER_USER, database });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE ROLE ${TEST_ROLE} LOGIN PASSWORD '${password}'`);
  let databases = 0;
  return {
    port,
    password,
    admin,
    async createDatabase() {
      const name = `smsim_${++databases}`;
      await admin(`CREATE DATABASE ${name} OWNER ${TEST_ROLE}`);
      return `postgres://${TEST_ROLE}:${password}@127.0.0.1:${port}/${name}`;
    },
    async dropConnections() {
      await admin(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '${TEST_ROLE}' AND pid <> pg_backend_pid()`,
      );
    },
    stop,
    start,
    async remove() {
      await stop();
      process.removeListener('exit', stopAtExit);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function idsOf(user: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all(
    ['-u', '-g'].map(async (flag) => Number((await run('id', [flag, user])).stdout.trim())),
  );
  return { uid: uid!, gid: gid! };
}
