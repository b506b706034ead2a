import pg from 'pg';
import { collections, type SimData } from './data';
import { DurableText } from './durable-text';
import { openFailure } from './postgres-errors';
import { readStored, writeWhole } from './postgres-rows';
import { ensureTables } from './postgres-schema';
import { shownStoreUrl } from './store-location';
import { TransferError } from './transfer-error';

async function connected<R>(url: string, work: (client: pg.Client) => Promise<R>): Promise<R> {
  const client = new pg.Client({
    connectionString: url,
    application_name: 'smsim',
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
  } catch (error) {
    throw openFailure(error, url);
  }
  try {
    return await work(client);
  } catch (error) {
    if (error instanceof Error && !('code' in error)) throw error;
    throw openFailure(error, url);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The state the database holds, as stored (not yet migrated nor checked). */
export function readDatabase(url: string): Promise<Record<string, unknown>> {
  return connected(url, async (client) => {
    const { rows } = await client.query<{ found: string | null }>(
      "SELECT to_regclass('smsim_rest')::text AS found",
    );
    const stored = rows[0]?.found ? await readStored(client, collections) : null;
    if (!stored) throw new TransferError(`The database ${shownStoreUrl(url)} holds no smsim landscape.`);
    return stored.finish();
  });
}

/** Puts `data` into the database in one transaction; refuses one that holds a landscape unless `replace`. */
export function writeDatabase(url: string, data: SimData, replace: boolean): Promise<void> {
  return connected(url, async (client) => {
    await ensureTables(client, shownStoreUrl(url));
    await client.query('BEGIN');
    try {
      const { rowCount } = await client.query('SELECT 1 FROM smsim_rest');
      if (rowCount && !replace)
        throw new TransferError(
          `The database ${shownStoreUrl(url)} holds a landscape already: give --replace to overwrite it.`,
        );
      // Counted as a commit, so that a standby's copy and a writer's count see the landscape was replaced.
      await client.query('UPDATE smsim_schema SET commits = commits + 1');
      await writeWhole(client, DurableText.of(data, collections));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}
