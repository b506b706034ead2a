import pg from 'pg';
import { withoutPassword } from './postgres-errors';
import { WRITER_LOCK } from './postgres-schema';

/** How long a connection attempt may take before the database counts as unreachable. */
const CONNECT_TIMEOUT_MS = 5000;
/** How often a standby asks for the writer's lock. */
const STANDBY_POLL_MS = 250;

export interface SessionOptions {
  url: string;
  shown: string;
  warn: (message: string) => void;
  /** Told once when another smsim holds the writer's lock and this one waits for it. */
  standby?: (message: string) => void;
  /** Run on each wait for the lock, on the standby's own connection (e.g. to keep a copy of the state). */
  whileWaiting?: (client: pg.Client) => Promise<void>;
}

/** Another smsim holds the writer's lock: this one must not write. */
export class NotTheWriterError extends Error {
  override name = 'NotTheWriterError';
}

async function connect(options: SessionOptions): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: options.url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'smsim',
  });
  await client.connect();
  // A session the server ends while idle reports it here; the next statement on it fails and says why.
  client.on('error', () => undefined);
  return client;
}

const tryLock = async (client: pg.Client) =>
  (
    await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      WRITER_LOCK.toString(),
    ])
  ).rows[0]!.locked;

/**
 * The one connection a writer reads and writes through, holding the writer's advisory lock: the lock lives as
 * long as the session, so a writer that dies (even by SIGKILL) releases it at once, and no write can go
 * through a session that lost it. A broken session is replaced on the next use, the lock taken again.
 */
export class WriterSession {
  #client: pg.Client | null;
  /** Set when the session was replaced: the caller checks that nobody wrote in between. */
  #renewed = false;

  private constructor(
    client: pg.Client,
    private readonly options: SessionOptions,
  ) {
    this.#client = client;
    this.#watch(client);
  }

  /** Connects and takes the writer's lock, waiting as a standby while another smsim holds it. */
  static async open(options: SessionOptions): Promise<WriterSession> {
    let client = await connect(options);
    let told = false;
    for (;;) {
      try {
        if (await tryLock(client)) return new WriterSession(client, options);
      } catch (error) {
        // The standby's own connection broke while it waited: connect again and go on waiting.
        if (!told) throw error;
        await client.end().catch(() => undefined);
        client = await connect(options).catch(() => client);
      }
      // Told once the first wait's work is done (e.g. the standby holds its copy of the state).
      await options.whileWaiting?.(client);
      if (!told) {
        told = true;
        options.standby?.(
          `another smsim serves ${options.shown}: waiting as its standby, taking over when it stops`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, STANDBY_POLL_MS));
    }
  }

  /** The locked session, connected again (and the lock taken again) if it broke. */
  async client(): Promise<pg.Client> {
    if (this.#client) return this.#client;
    const client = await connect(this.options);
    let locked: boolean;
    try {
      locked = await tryLock(client);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (!locked) {
      await client.end().catch(() => undefined);
      throw new NotTheWriterError(`another smsim took over ${this.options.shown}`);
    }
    this.#client = client;
    this.#renewed = true;
    this.#watch(client);
    return client;
  }

  /** Whether the session was replaced since the last call (then another writer may have written). */
  takeRenewed(): boolean {
    const renewed = this.#renewed;
    this.#renewed = false;
    return renewed;
  }

  /** Drops a session a statement found broken, so the next use connects again. */
  drop(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = null;
    client.end().catch(() => undefined);
  }

  async end(): Promise<void> {
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => undefined);
  }

  #watch(client: pg.Client): void {
    client.on('error', (error) => {
      this.options.warn(
        `The connection to ${this.options.shown} broke (${withoutPassword(error.message, this.options.url)}); reconnecting on the next write.`,
      );
      this.drop(client);
    });
    client.on('end', () => {
      if (this.#client === client) this.#client = null;
    });
  }
}
