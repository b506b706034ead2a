import type pg from 'pg';
import type { DurableText } from './durable-text';
import { type JournalEntry, JournalReplay, recordsByKey } from './journal-entry';

type Row = [path: string, key: string, record?: unknown];

/** Rows go in as one JSON array parameter per statement, this many at most (a whole write of a big landscape). */
const ROWS_PER_STATEMENT = 5000;

/** Each row is stamped with the commit that wrote it, so a standby reads only what changed since its copy. */
const THIS_COMMIT = '(SELECT commits FROM smsim_schema)';
const INSERT = `INSERT INTO smsim_records (collection, key, record, written)
  SELECT row->>0, row->>1, row->2, ${THIS_COMMIT}
  FROM json_array_elements($1::json) WITH ORDINALITY AS t(row, n) ORDER BY n`;
// A record written again keeps its place (its seq); one removed and written again in the same entry goes last.
const UPSERT = `${INSERT} ON CONFLICT (collection, key) DO UPDATE SET record = EXCLUDED.record, written = EXCLUDED.written`;
/** A removed record leaves a tombstone with the commit that removed it, for the standby's catch-up. */
const tombstones = (removal: string) => `WITH gone AS (${removal} RETURNING r.collection, r.key)
  INSERT INTO smsim_removed (collection, key, removed) SELECT collection, key, ${THIS_COMMIT} FROM gone
  ON CONFLICT (collection, key) DO UPDATE SET removed = EXCLUDED.removed`;
const DELETE = tombstones(`DELETE FROM smsim_records r USING json_array_elements($1::json) AS d(row)
  WHERE r.collection = d.row->>0 AND r.key = d.row->>1`);
const DELETE_COLLECTION = tombstones('DELETE FROM smsim_records r WHERE r.collection = $1');
const REST = `INSERT INTO smsim_rest (state, written) VALUES ($1::json, ${THIS_COMMIT})
  ON CONFLICT (only_row) DO UPDATE SET state = EXCLUDED.state, written = EXCLUDED.written`;
/** Tombstones older than this many commits are dropped; a standby further behind loads everything again. */
const TOMBSTONE_COMMITS = 1000;
const PRUNE = `WITH pruned AS (UPDATE smsim_schema SET pruned_at = commits - ${TOMBSTONE_COMMITS}
  WHERE commits % ${TOMBSTONE_COMMITS} = 0 RETURNING pruned_at)
  DELETE FROM smsim_removed WHERE removed <= (SELECT pruned_at FROM pruned)`;

async function inChunks(client: pg.ClientBase, sql: string, rows: readonly Row[]): Promise<void> {
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT)
    await client.query(sql, [JSON.stringify(rows.slice(from, from + ROWS_PER_STATEMENT))]);
}

/** Applies one group commit's changes as the journal replay does: rest, whole collections, removals, writes. */
export async function writeEntry(client: pg.ClientBase, entry: JournalEntry): Promise<void> {
  if (entry.rest) await client.query(REST, [JSON.stringify(entry.rest)]);
  for (const [path, collection] of Object.entries(entry.whole ?? {})) {
    await client.query(DELETE_COLLECTION, [path]);
    const rows: Row[] = [...recordsByKey(collection)].map(([key, record]) => [path, key, record]);
    await inChunks(client, INSERT, rows);
  }
  if (entry.del?.length) await inChunks(client, DELETE, entry.del);
  if (entry.put?.length) await inChunks(client, UPSERT, entry.put);
  await client.query(PRUNE);
}

/** Replaces everything stored with the state `durable` holds, its records' text inserted as it is. */
export async function writeWhole(client: pg.ClientBase, durable: DurableText): Promise<void> {
  await client.query('DELETE FROM smsim_records');
  // No tombstones for this: a standby whose copy is older than a whole write loads everything again.
  await client.query('DELETE FROM smsim_removed');
  await client.query('UPDATE smsim_schema SET whole_at = commits');
  await client.query(REST, [durable.rest]);
  const rows = [...durable.rows()];
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    const chunk = rows
      .slice(from, from + ROWS_PER_STATEMENT)
      .map(([path, key, text]) => `[${JSON.stringify(path)},${JSON.stringify(key)},${text}]`);
    await client.query(INSERT, [`[${chunk.join(',')}]`]);
  }
}

/** What the database holds, as a replay: the rest and every record in order (null: nothing stored yet). */
export async function readStored(
  client: pg.ClientBase,
  specs: ConstructorParameters<typeof JournalReplay>[1],
): Promise<JournalReplay | null> {
  const rest = await client.query<{ state: Record<string, unknown> }>('SELECT state FROM smsim_rest');
  if (rest.rows.length === 0) return null;
  const records = await client.query<{ collection: string; key: string; record: unknown }>(
    'SELECT collection, key, record FROM smsim_records ORDER BY seq',
  );
  const replay = new JournalReplay(rest.rows[0]!.state, specs);
  replay.apply({ put: records.rows.map((row) => [row.collection, row.key, row.record]) });
  return replay;
}
