import type pg from 'pg';
import type { z } from 'zod';
import { type CollectionSpec, emptyCollection, type Json, resolveCollections } from './collections';
import { DurableText } from './durable-text';
import { type JournalEntry, JournalReplay } from './journal-entry';
import { checked, inSnapshot, type LoadOptions, loadState } from './postgres-load';
import { TABLES_VERSION } from './postgres-schema';
import { recordSchemaAt } from './record-schema';

interface SchemaRow {
  version: number;
  commits: string;
  whole_at: string;
  pruned_at: string;
}

/**
 * The state a standby loads and checks while it waits for the writer's lock, then keeps up to date by reading
 * only the rows the writer's commits wrote or removed since (each row carries the commit that wrote it), so
 * that taking over costs that difference, not a load of the whole landscape. Where the difference cannot be
 * trusted (the tables changed version, a commit replaced everything, tombstones were dropped, the rest needs
 * a migration) the standby loads the whole state, as a writer starting afresh does.
 */
export class StandbyCopy<S extends z.ZodType> {
  private constructor(
    private readonly options: LoadOptions<S>,
    private readonly shown: string,
    /** The checked records by collection and key, and the checked rest with its collections empty. */
    private readonly replay: JournalReplay,
    readonly durable: DurableText,
    /** The commit count of the database as of this copy. */
    public commits: number,
  ) {}

  /** The copy of what the database holds now; null when it holds no landscape of these tables and schema. */
  static async load<S extends z.ZodType>(
    client: pg.ClientBase,
    options: LoadOptions<S>,
    shown: string,
  ): Promise<StandbyCopy<S> | null> {
    return inSnapshot(client, async () => {
      const schema = await readSchemaRow(client);
      if (!schema) return null;
      const loaded = await loadState(client, options, shown);
      if (loaded.fresh || loaded.migrated) return null;
      const specs = options.collections ?? [];
      const durable = DurableText.of(loaded.data, specs);
      const replay = new JournalReplay(loaded.data as Json, specs);
      return new StandbyCopy(options, shown, replay, durable, Number(schema.commits));
    });
  }

  /**
   * Applies what the commits since this copy changed, checking only the records they wrote. False when that
   * difference cannot be trusted and the whole state must be loaded again.
   */
  catchUp(client: pg.ClientBase): Promise<boolean> {
    return inSnapshot(client, async () => {
      const schema = await readSchemaRow(client);
      if (!schema) return false;
      const commits = Number(schema.commits);
      if (commits === this.commits) return true;
      const known = this.commits;
      if (commits < known || Number(schema.whole_at) > known || Number(schema.pruned_at) > known)
        return false;
      const entry = await this.#changesSince(client, known.toString());
      if (!entry) return false;
      this.replay.apply(entry);
      if (entry.rest) this.durable.setRestOf(entry.rest);
      this.durable.apply({ del: entry.del, put: entry.put });
      this.commits = commits;
      return true;
    });
  }

  /** The state as of this copy's commit count (the copy is used up: the state is its memory). */
  finish(): z.infer<S> {
    return this.replay.finish() as z.infer<S>;
  }

  async #changesSince(client: pg.ClientBase, known: string): Promise<JournalEntry | null> {
    const rest = await client.query<{ state: Json }>('SELECT state FROM smsim_rest WHERE written > $1', [
      known,
    ]);
    const removed = await client.query<{ collection: string; key: string }>(
      'SELECT collection, key FROM smsim_removed WHERE removed > $1',
      [known],
    );
    const written = await client.query<{ collection: string; key: string; record: unknown }>(
      'SELECT collection, key, record FROM smsim_records WHERE written > $1 ORDER BY seq',
      [known],
    );
    const entry: JournalEntry = { del: removed.rows.map((row) => [row.collection, row.key]), put: [] };
    if (rest.rows[0]) {
      const checkedRest = this.#checkedRest(rest.rows[0].state);
      if (!checkedRest) return null;
      entry.rest = checkedRest;
    }
    for (const row of written.rows) {
      const schema = recordSchemaAt(this.options.schema, row.collection);
      if (!schema) return null;
      entry.put!.push([row.collection, row.key, checked(schema, row.record, this.shown)]);
    }
    return entry;
  }

  /** The rest checked with its collections empty (their records are checked one by one); null if it needs a migration. */
  #checkedRest(rest: Json): Json | null {
    if (rest.schemaVersion !== this.options.version) return null;
    const specs: readonly CollectionSpec[] = this.options.collections ?? [];
    for (const { spec, parent, key } of resolveCollections(rest, specs, true))
      parent[key] = emptyCollection(spec);
    return checked(this.options.schema, rest, this.shown) as Json;
  }
}

/** The row of the tables' version and counts; null when the tables are not (yet) this smsim's version. */
async function readSchemaRow(client: pg.ClientBase): Promise<SchemaRow | null> {
  const found = await client.query<{ found: string | null }>(
    "SELECT to_regclass('smsim_schema')::text AS found",
  );
  if (found.rows[0]?.found === null) return null;
  const { rows } = await client.query<{ version: number }>('SELECT version FROM smsim_schema');
  if (rows[0]?.version !== TABLES_VERSION) return null;
  const counts = await client.query<SchemaRow>(
    'SELECT version, commits, whole_at, pruned_at FROM smsim_schema',
  );
  return counts.rows[0] ?? null;
}

/** Keeps a standby's copy while its session waits: loaded on the first wait, caught up on each one after. */
export class StandbyLoader<S extends z.ZodType> {
  #copy: StandbyCopy<S> | null = null;
  /** Set once loading failed or found nothing to copy: the take-over then loads the whole state. */
  #gaveUp = false;

  constructor(
    private readonly options: LoadOptions<S>,
    private readonly shown: string,
  ) {}

  readonly whileWaiting = async (client: pg.ClientBase): Promise<void> => {
    if (this.#gaveUp) return;
    try {
      if (this.#copy && (await this.#copy.catchUp(client))) return;
      this.#copy = await StandbyCopy.load(client, this.options, this.shown);
      if (!this.#copy) this.#gaveUp = true;
    } catch {
      // What is wrong (a state the schema refuses, a broken connection) is told by the take-over's own load.
      this.#copy = null;
      this.#gaveUp = true;
    }
  };

  /** The copy brought to the database's last commit once this process holds the lock; null: load it whole. */
  async taken(client: pg.ClientBase): Promise<StandbyCopy<S> | null> {
    const copy = this.#copy;
    this.#copy = null;
    return copy && (await copy.catchUp(client)) ? copy : null;
  }
}
