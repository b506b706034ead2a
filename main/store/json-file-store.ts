import { chmod, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { fromError } from 'zod-validation-error';
import { AtomicJsonFile, serialise } from './atomic-json-file';
import { ChangeTracker } from './change-tracker';
import type { CollectionSpec, Json } from './collections';
import { GroupCommit } from './group-commit';
import { type JournalEntry, JournalReplay } from './journal-entry';
import { JournalFile } from './journal-file';
import { type Migration, migrate } from './migrations';
import { restoreInPlace } from './restore';
import { type Store, StoreLoadError, StoreWriteError } from './store';
import { TrackedUpdates } from './tracked-updates';
import { textOf, verifyDurable } from './verify';

export interface JsonFileStoreOptions<S extends z.ZodType> {
  path: string;
  schema: S;
  version: number;
  migrations: readonly Migration[];
  empty: () => z.infer<S>;
  /** The parts that grow with the landscape, journaled a record at a time (see collections.ts). */
  collections?: readonly CollectionSpec[];
  /** Told what the store recovered from (a torn journal line) or could not do in the background. */
  warn?: (message: string) => void;
}

/** The journal is folded into the data file once it outgrows both this and the data file itself. */
const COMPACT_AT_LEAST = 16 * 1024 * 1024;

/** Set by the test runs: every commit checks that disk (file + journal) holds exactly the state in memory. */
const VERIFY = process.env.SMSIM_STORE_VERIFY === '1';

/** Plain data as the data file's text and the journal entries after it make it. */
function replayed(
  base: unknown,
  entries: readonly JournalEntry[],
  specs: readonly CollectionSpec[],
): unknown {
  if (entries.length === 0 || typeof base !== 'object' || base === null) return base;
  const replay = new JournalReplay(base as Json, specs);
  for (const entry of entries) replay.apply(entry);
  return replay.finish();
}

/**
 * The lowdb JSON file plus an append-only journal beside it (`<file>.journal`): a group commit appends one line
 * with what it changed — the records of the collections it touched, the small rest of the state if that changed —
 * and syncs it, so its cost follows the change, not what is stored. The journal is replayed at start and folded
 * into the data file (compact JSON, written whole and atomically) once it grows past the data file's size, at
 * start and at `flush()`: the file a user reads is then complete.
 */
class JsonFileStore<T> implements Store<T> {
  readonly #commits = new GroupCommit(
    () => this.#write(),
    () => this.#compactIfLong(),
  );
  /** The lines appended to the journal since the data file was last written whole. */
  #entries: string[] = [];
  #journalBytes = 0;
  /** The next write must be whole: the journal may end in a line an append left torn. */
  #whole = false;
  #writes = 0;
  readonly #updates: TrackedUpdates<T>;

  constructor(
    private readonly db: Low<T>,
    private readonly file: AtomicJsonFile<T>,
    private readonly journal: JournalFile,
    private readonly tracker: ChangeTracker<T>,
    private readonly specs: readonly CollectionSpec[],
    private readonly warn: (message: string) => void,
  ) {
    this.#updates = new TrackedUpdates(tracker, this.#commits);
  }

  get data(): T {
    return this.#updates.data(this.db.data);
  }

  get path(): string {
    return this.file.path;
  }

  get writeCount(): number {
    return this.#writes;
  }

  update<R>(mutate: (data: T) => R): Promise<R> {
    return this.#updates.update(mutate);
  }

  async flush(): Promise<void> {
    await this.#commits.settled();
    if (this.#entries.length > 0) await this.#commits.chain(() => this.#compact());
  }

  close(): Promise<void> {
    return this.flush();
  }

  /** Writes the data file whole and empties the journal. */
  async writeWhole(): Promise<void> {
    this.#whole = true;
    this.#writes++;
    await this.db.write();
    this.tracker.discard(); // the whole state is on disk, whatever was marked
    this.#entries = [];
    this.#journalBytes = 0;
    try {
      await this.journal.remove();
    } catch (error) {
      throw new StoreWriteError(this.journal.path, 'write', error);
    }
    this.#whole = false;
  }

  async #write(): Promise<void> {
    // The state this write takes (updates arriving while it runs ride on the next one).
    const taken = VERIFY ? textOf(this.db.data) : undefined;
    try {
      if (this.#whole) await this.writeWhole();
      else await this.#append();
      if (taken !== undefined)
        verifyDurable(this.#durable(), JSON.parse(taken), `${this.path} with its journal`);
    } catch (error) {
      if (error instanceof StoreWriteError) this.#rollback(error);
      else if (VERIFY) console.error(error); // the check's finding, which the server answers only as a 500
      throw error;
    }
  }

  async #compactIfLong(): Promise<void> {
    if (this.#journalBytes > Math.max(COMPACT_AT_LEAST, this.file.written!.length)) await this.#compact();
  }

  async #append(): Promise<void> {
    let line: string | null;
    try {
      line = this.tracker.take();
    } catch (error) {
      throw new StoreWriteError(this.journal.path, 'serialise', error);
    }
    if (line === null) return;
    this.#writes++;
    try {
      await this.journal.append(`${line}\n`);
    } catch (error) {
      this.#whole = true;
      throw new StoreWriteError(this.journal.path, 'write', error);
    }
    this.#entries.push(line);
    this.#journalBytes += line.length + 1;
  }

  /** Folds the journal into the data file; on failure the journal stays and the next write is whole. */
  async #compact(): Promise<void> {
    try {
      await this.writeWhole();
    } catch (error) {
      this.warn(`Could not fold the journal into ${this.path}; will retry on the next change: ${error}`);
    }
  }

  /** What disk holds as far as this process knows: the data file's last text and the lines after it. */
  #durable(): unknown {
    return replayed(
      JSON.parse(this.file.written!),
      this.#entries.map((line) => JSON.parse(line) as JournalEntry),
      this.specs,
    );
  }

  /**
   * Memory goes back to what disk holds. The updates applied while the failed write ran were made on
   * top of its changes and go with them: their batch is refused too.
   */
  #rollback(error: unknown): void {
    restoreInPlace(this.db.data as object, this.#durable() as object);
    this.tracker.discard();
    this.#commits.refuseOpen(error);
  }
}

export async function openJsonFileStore<S extends z.ZodType>(
  options: JsonFileStoreOptions<S>,
): Promise<Store<z.infer<S>>> {
  type T = z.infer<S>;
  const warn = options.warn ?? ((message: string) => process.emitWarning(message));
  const specs = options.collections ?? [];
  await mkdir(dirname(options.path), { recursive: true, mode: 0o700 });
  const file = new AtomicJsonFile<T>(options.path);
  const journal = new JournalFile(`${options.path}.journal`);
  await file.removeLeftovers();
  let raw: unknown;
  try {
    raw = await file.read();
  } catch (error) {
    throw new StoreLoadError(options.path, `it is not valid JSON (${(error as Error).message})`);
  }
  const fresh = raw === null;
  const journaled = fresh ? null : await journal.read();
  if (journaled?.torn) {
    warn(
      `The journal ${journal.path} ended in a line cut short (a write that never finished, so never ` +
        'acknowledged); it was ignored and everything acknowledged before it was loaded.',
    );
  }
  let data: T;
  if (fresh) {
    data = options.empty();
  } else {
    const current = replayed(raw, journaled?.entries ?? [], specs);
    const migrated = migrate(current, options.version, options.migrations, options.path);
    const parsed = options.schema.safeParse(migrated);
    if (!parsed.success) throw new StoreLoadError(options.path, fromError(parsed.error).message);
    data = parsed.data;
  }
  const db = new Low<T>(file, data);
  db.data = data;
  file.written = serialise(data);
  const store = new JsonFileStore<T>(db, file, journal, new ChangeTracker(data, specs, VERIFY), specs, warn);
  if (fresh || journaled) await store.writeWhole();
  else await chmod(options.path, 0o600);
  return store;
}
