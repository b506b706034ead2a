import type pg from 'pg';
import type { z } from 'zod';
import { ChangeTracker } from './change-tracker';
import type { CollectionSpec } from './collections';
import { DurableText } from './durable-text';
import { GroupCommit } from './group-commit';
import type { JournalEntry } from './journal-entry';
import { isConnectionError, openFailure, StoreOpenError, withoutPassword } from './postgres-errors';
import { type LoadedState, type LoadOptions, loadState } from './postgres-load';
import { readStored, writeEntry, writeWhole } from './postgres-rows';
import { ensureTables } from './postgres-schema';
import { WriterSession } from './postgres-session';
import { StandbyLoader } from './postgres-standby-copy';
import { restoreInPlace } from './restore';
import { type Store, StoreLoadError, StoreWriteError } from './store';
import { shownStoreUrl } from './store-location';
import { TrackedUpdates } from './tracked-updates';
import { textOf, verifyDurable } from './verify';

export interface PostgresStoreOptions<S extends z.ZodType> extends LoadOptions<S> {
  url: string;
  warn?: (message: string) => void;
  /** Told when another smsim serves the database and this one waits as its standby. */
  standby?: (message: string) => void;
}

const VERIFY = process.env.SMSIM_STORE_VERIFY === '1';

/** A transaction that failed; `clean` when it was rolled back, so the database holds what it held before. */
class TransactionError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly clean: boolean,
  ) {
    super((cause as Error)?.message ?? String(cause));
  }
}

/**
 * The state in PostgreSQL: the small rest of it in one row, each record of the collections in a row of its own.
 * Reads are in memory; a group commit writes only the records the change tracker saw change, in one transaction.
 * What the database holds is mirrored in memory (`#durable`), so a refused write rolls memory back without
 * reaching the database, which may be the thing that is gone.
 */
class PostgresStore<T> implements Store<T> {
  readonly #commits = new GroupCommit(() => this.#write());
  readonly #updates: TrackedUpdates<T>;
  #writes = 0;
  /** The next write must be whole: a failed one may have been committed or not. */
  #whole = false;

  constructor(
    private readonly session: WriterSession,
    /** The database's commit count as of this process's last commit (or load). */
    private commits: number,
    private readonly live: T,
    private readonly tracker: ChangeTracker<T>,
    /** What the database holds as far as this process knows. */
    private durable: DurableText,
    private readonly specs: readonly CollectionSpec[],
    readonly path: string,
    private readonly url: string,
  ) {
    this.#updates = new TrackedUpdates(tracker, this.#commits);
  }

  get data(): T {
    return this.#updates.data(this.live);
  }

  get writeCount(): number {
    return this.#writes;
  }

  update<R>(mutate: (data: T) => R): Promise<R> {
    return this.#updates.update(mutate);
  }

  flush(): Promise<void> {
    return this.#commits.settled();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.session.end();
  }

  /** Replaces what the database holds with the state in memory. */
  async writeWhole(): Promise<void> {
    const durable = DurableText.of(this.live, this.specs);
    this.#writes++;
    await this.#transaction((client) => writeWhole(client, durable));
    this.tracker.discard();
    this.durable = durable;
    this.#whole = false;
  }

  async #write(): Promise<void> {
    const taken = VERIFY ? textOf(this.live) : undefined;
    try {
      if (this.#whole) await this.writeWhole();
      else await this.#writeChanges();
      if (taken !== undefined)
        verifyDurable(this.durable.state(), JSON.parse(taken), `the database ${this.path}`);
    } catch (error) {
      if (error instanceof StoreWriteError) this.#rollback(error);
      else if (VERIFY) console.error(error);
      throw error;
    }
  }

  async #writeChanges(): Promise<void> {
    let line: string | null;
    try {
      line = this.tracker.take();
    } catch (error) {
      throw new StoreWriteError(this.path, 'serialise', error);
    }
    if (line === null) return;
    const entry = JSON.parse(line) as JournalEntry;
    this.#writes++;
    await this.#transaction((client) => writeEntry(client, entry));
    this.durable.apply(entry);
  }

  async #transaction(work: (client: pg.ClientBase) => Promise<void>): Promise<void> {
    let client: pg.Client;
    try {
      client = await this.session.client();
    } catch (error) {
      throw this.#refused(new TransactionError(error, true));
    }
    try {
      await client.query('BEGIN');
      await this.#countCommit(client);
      await work(client);
      await client.query('COMMIT');
      this.commits++;
    } catch (error) {
      let clean = !isConnectionError(error);
      try {
        await client.query('ROLLBACK');
      } catch {
        clean = false;
      }
      if (!clean) this.session.drop(client);
      throw this.#refused(new TransactionError(error, clean));
    }
  }

  /**
   * Counts this commit, and refuses it when the count is not this process's: another smsim wrote while this
   * one had lost its session (and the lock). Memory then goes back to what the database holds.
   */
  async #countCommit(client: pg.ClientBase): Promise<void> {
    const renewed = this.session.takeRenewed();
    const { rows } = await client.query<{ commits: string }>(
      'UPDATE smsim_schema SET commits = commits + 1 RETURNING commits',
    );
    if (Number(rows[0]!.commits) === this.commits + 1) return;
    if (!renewed)
      throw new Error('the commit count of the database moved under a session that held the lock');
    await client.query('ROLLBACK');
    await client.query('BEGIN');
    const stored = await readStored(client, this.specs);
    const { rows: count } = await client.query<{ commits: string }>('SELECT commits FROM smsim_schema');
    if (stored) this.durable = DurableText.of(stored.finish(), this.specs);
    this.commits = Number(count[0]!.commits);
    this.#whole = false;
    throw new Error('another smsim changed the database meanwhile; its state was loaded, retry the change');
  }

  #refused(failure: TransactionError): StoreWriteError {
    // Whether a COMMIT whose answer never came took effect is not known: the next write makes sure.
    if (!failure.clean) this.#whole = true;
    const cause = failure.cause as { code?: string; message?: string };
    const reason = withoutPassword(
      isConnectionError(cause) ? `connection lost: ${cause.message}` : String(cause.message),
      this.url,
    );
    return new StoreWriteError(this.path, 'database', Object.assign(new Error(reason), { code: cause.code }));
  }

  #rollback(error: unknown): void {
    restoreInPlace(this.live as object, this.durable.state());
    this.tracker.discard();
    this.#commits.refuseOpen(error);
  }
}

/** Opens (creating or migrating its tables) the PostgreSQL database at `options.url` as a data store. */
export async function openPostgresStore<S extends z.ZodType>(
  options: PostgresStoreOptions<S>,
): Promise<Store<z.infer<S>>> {
  type T = z.infer<S>;
  const shown = shownStoreUrl(options.url);
  const warn = options.warn ?? ((message: string) => process.emitWarning(message));
  const specs = options.collections ?? [];
  let session: WriterSession | undefined;
  const loader = new StandbyLoader(options, shown);
  let loaded: LoadedState<T>;
  let commits: number;
  let durable: DurableText;
  try {
    const { standby } = options;
    const { whileWaiting } = loader;
    session = await WriterSession.open({ url: options.url, shown, warn, standby, whileWaiting });
    const client = await session.client();
    await ensureTables(client, shown);
    const copy = await loader.taken(client);
    if (copy) {
      loaded = { data: copy.finish(), fresh: false, migrated: false };
      ({ commits, durable } = copy);
    } else {
      loaded = await loadState(client, options, shown);
      const { rows } = await client.query<{ commits: string }>('SELECT commits FROM smsim_schema');
      commits = Number(rows[0]!.commits);
      durable = DurableText.of(loaded.data, specs);
    }
  } catch (error) {
    await session?.end();
    if (error instanceof StoreLoadError)
      throw new StoreOpenError(
        `Cannot load the state from the database ${shown}: ${error.reason}. The database was left untouched.`,
      );
    throw openFailure(error, options.url);
  }
  const { data, fresh, migrated } = loaded;
  const tracker = new ChangeTracker<T>(data, specs, VERIFY);
  const store = new PostgresStore<T>(session, commits, data, tracker, durable, specs, shown, options.url);
  if (fresh || migrated) {
    try {
      await store.writeWhole();
    } catch (error) {
      await session.end();
      throw openFailure((error as StoreWriteError).cause, options.url);
    }
  }
  return store;
}
