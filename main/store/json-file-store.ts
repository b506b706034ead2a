import { chmod, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { fromError } from 'zod-validation-error';
import { AtomicJsonFile, serialise } from './atomic-json-file';
import { type Migration, migrate } from './migrations';
import { restoreInPlace } from './restore';
import { type Store, StoreLoadError } from './store';

export interface JsonFileStoreOptions<S extends z.ZodType> {
  path: string;
  schema: S;
  version: number;
  migrations: readonly Migration[];
  empty: () => z.infer<S>;
}

interface Batch {
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function newBatch(): Batch {
  const batch = {} as Batch;
  batch.done = new Promise<void>((resolve, reject) => Object.assign(batch, { resolve, reject }));
  return batch;
}

class JsonFileStore<T> implements Store<T> {
  /** The updates applied in memory since the last write started; they ride on the next write. */
  #open: Batch | undefined;
  /** The write running now (or the last one); never rejects. */
  #writing: Promise<void> = Promise.resolve();

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
    return (this.#open?.done ?? this.#writing).catch(() => undefined);
  }

  /** Every mutation made before the next write starts rides on that write. */
  #commit(): Promise<void> {
    if (!this.#open) {
      const batch = newBatch();
      this.#open = batch;
      this.#writing = this.#writing.then(() => this.#write(batch));
    }
    return this.#open.done;
  }

  async #write(batch: Batch): Promise<void> {
    if (this.#open !== batch) return; // refused by the rollback of the write before it
    this.#open = undefined;
    try {
      await this.db.write();
      batch.resolve();
    } catch (error) {
      this.#rollback(error);
      batch.reject(error);
    }
  }

  /**
   * Memory goes back to what the file holds. The updates applied while the failed write ran were made on
   * top of its changes and go with them: their batch is refused too.
   */
  #rollback(error: unknown): void {
    restoreInPlace(this.db.data as object, JSON.parse(this.file.written!));
    this.#open?.reject(error);
    this.#open = undefined;
  }
}

export async function openJsonFileStore<S extends z.ZodType>(
  options: JsonFileStoreOptions<S>,
): Promise<Store<z.infer<S>>> {
  type T = z.infer<S>;
  await mkdir(dirname(options.path), { recursive: true, mode: 0o700 });
  const file = new AtomicJsonFile<T>(options.path);
  await file.removeLeftovers();
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
  file.written = serialise(data);
  const store = new JsonFileStore<T>(db, file);
  if (fresh) await store.update(() => undefined);
  else await chmod(options.path, 0o600);
  return store;
}
