import { chmod, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { fromError } from 'zod-validation-error';
import { AtomicJsonFile } from './atomic-json-file';
import { type Migration, migrate } from './migrations';
import { type Store, StoreLoadError } from './store';

export interface JsonFileStoreOptions<S extends z.ZodType> {
  path: string;
  schema: S;
  version: number;
  migrations: readonly Migration[];
  empty: () => z.infer<S>;
}

class JsonFileStore<T> implements Store<T> {
  #nextBatch: Promise<void> | undefined;
  #inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Low<T>,
    private readonly file: AtomicJsonFile<T>,
  ) {}

  get data(): T {
    return this.db.data;
  }

  get path(): string {
    return this.file.path;
  }

  get writeCount(): number {
    return this.file.writes;
  }

  async update<R>(mutate: (data: T) => R): Promise<R> {
    const result = mutate(this.db.data);
    await this.#commit();
    return result;
  }

  flush(): Promise<void> {
    return this.#nextBatch ?? this.#inFlight;
  }

  /** Every mutation made before the next write starts rides on that write. */
  #commit(): Promise<void> {
    this.#nextBatch ??= this.#inFlight
      .catch(() => undefined)
      .then(() => {
        this.#nextBatch = undefined;
        this.#inFlight = this.db.write();
        return this.#inFlight;
      });
    return this.#nextBatch;
  }
}

export async function openJsonFileStore<S extends z.ZodType>(
  options: JsonFileStoreOptions<S>,
): Promise<Store<z.infer<S>>> {
  type T = z.infer<S>;
  await mkdir(dirname(options.path), { recursive: true, mode: 0o700 });
  const file = new AtomicJsonFile<T>(options.path);
  let raw: unknown;
  try {
    raw = await file.read();
  } catch (error) {
    throw new StoreLoadError(options.path, `it is not valid JSON (${(error as Error).message})`);
  }
  const fresh = raw === null;
  let data: T;
  if (fresh) {
    data = options.empty();
  } else {
    const migrated = migrate(raw, options.version, options.migrations, options.path);
    const parsed = options.schema.safeParse(migrated);
    if (!parsed.success) throw new StoreLoadError(options.path, fromError(parsed.error).message);
    data = parsed.data;
  }
  const db = new Low<T>(file, data);
  db.data = data;
  const store = new JsonFileStore<T>(db, file);
  if (fresh) await store.update(() => undefined);
  else await chmod(options.path, 0o600);
  return store;
}
