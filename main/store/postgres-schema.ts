import type pg from 'pg';
import { StoreLoadError } from './store';

/**
 * The tables, one step per version: `smsim_rest` holds the small rest of the state (one row), `smsim_records`
 * every record of the collections that grow with the landscape, by collection path and key, `seq` keeping
 * each collection's order. Records are `json`, the text smsim wrote, not `jsonb`: jsonb reorders keys and
 * refuses a "\u0000" in a string, which would make one caller's parameter fail the group commit of others.
 */
const STEPS: readonly string[] = [
  `CREATE TABLE smsim_rest (
     only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
     state json NOT NULL
   );
   CREATE TABLE smsim_records (
     collection text NOT NULL,
     key text NOT NULL,
     seq bigint GENERATED ALWAYS AS IDENTITY,
     record json NOT NULL,
     PRIMARY KEY (collection, key)
   );
   CREATE INDEX smsim_records_seq ON smsim_records (seq);`,
  // Counts the commits, so a writer that reconnects tells whether another wrote in between.
  'ALTER TABLE smsim_schema ADD COLUMN commits bigint NOT NULL DEFAULT 0',
  // What a standby's catch-up reads: the commit that wrote each row, the records removed by which commit, the
  // last commit that replaced everything and the last one whose tombstones were dropped.
  `ALTER TABLE smsim_records ADD COLUMN written bigint NOT NULL DEFAULT 0;
   CREATE INDEX smsim_records_written ON smsim_records (written);
   ALTER TABLE smsim_rest ADD COLUMN written bigint NOT NULL DEFAULT 0;
   CREATE TABLE smsim_removed (
     collection text NOT NULL,
     key text NOT NULL,
     removed bigint NOT NULL,
     PRIMARY KEY (collection, key)
   );
   CREATE INDEX smsim_removed_removed ON smsim_removed (removed);
   ALTER TABLE smsim_schema ADD COLUMN whole_at bigint NOT NULL DEFAULT 0,
     ADD COLUMN pruned_at bigint NOT NULL DEFAULT 0;`,
];

export const TABLES_VERSION = STEPS.length;

/** Taken while the tables are created or migrated, so two smsim starting at once do not both do it. */
const MIGRATION_LOCK = 0x736d_7369_6d00n; // "smsim\0"
/** Held by the one smsim that serves the database, for as long as its session lives. */
export const WRITER_LOCK = 0x736d_7369_6d01n;

/**
 * Creates smsim's tables or brings them to this version, in one transaction; refuses tables of a newer smsim.
 * Creation is tried only where the version table is missing, so a role that may only read and write the
 * tables (not create any) runs on a database set up before.
 */
export async function ensureTables(client: pg.ClientBase, shown: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    const exists = await client.query<{ found: string | null }>(
      "SELECT to_regclass('smsim_schema')::text AS found",
    );
    if (exists.rows[0]?.found === null) {
      await client.query('CREATE TABLE smsim_schema (version integer NOT NULL)');
      await client.query('INSERT INTO smsim_schema (version) VALUES (0)');
    }
    const { rows } = await client.query<{ version: number }>('SELECT version FROM smsim_schema');
    const version = rows[0]?.version ?? 0;
    if (version > TABLES_VERSION)
      throw new StoreLoadError(
        shown,
        `its tables were made by a newer smsim (table version ${version}, this one knows up to ${TABLES_VERSION})`,
      );
    for (let step = version; step < TABLES_VERSION; step++) await client.query(STEPS[step]!);
    if (version < TABLES_VERSION)
      await client.query('UPDATE smsim_schema SET version = $1', [TABLES_VERSION]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
