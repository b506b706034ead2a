import type pg from 'pg';
import type { z } from 'zod';
import { fromError } from 'zod-validation-error';
import type { CollectionSpec } from './collections';
import { type Migration, migrate } from './migrations';
import { readStored } from './postgres-rows';
import { StoreLoadError } from './store';

export interface LoadOptions<S extends z.ZodType> {
  schema: S;
  version: number;
  migrations: readonly Migration[];
  empty: () => z.infer<S>;
  collections?: readonly CollectionSpec[];
}

export interface LoadedState<T> {
  data: T;
  fresh: boolean;
  migrated: boolean;
}

/** Checks a state against the schema: the parsed state, or a StoreLoadError saying what is wrong. */
export function checked<S extends z.ZodType>(schema: S, state: unknown, shown: string): z.infer<S> {
  const parsed = schema.safeParse(state);
  if (!parsed.success) throw new StoreLoadError(shown, fromError(parsed.error).message);
  return parsed.data;
}

/** The whole state the database holds, migrated and checked (the empty one when nothing is stored yet). */
export async function loadState<S extends z.ZodType>(
  client: pg.ClientBase,
  options: LoadOptions<S>,
  shown: string,
): Promise<LoadedState<z.infer<S>>> {
  const stored = await readStored(client, options.collections ?? []);
  if (!stored) return { data: options.empty(), fresh: true, migrated: false };
  const raw = stored.finish();
  const before = raw.schemaVersion;
  const migrated = migrate(raw, options.version, options.migrations, shown);
  const data = checked(options.schema, migrated, shown);
  return { data, fresh: false, migrated: before !== options.version };
}

/** Runs `work` on one snapshot of the database, reading only. */
export async function inSnapshot<R>(client: pg.ClientBase, work: () => Promise<R>): Promise<R> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
