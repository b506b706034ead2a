import { StoreLoadError } from './store';

/** Turns data of version `from` into data of version `from + 1`. */
export interface Migration {
  from: number;
  up: (data: Record<string, unknown>) => Record<string, unknown>;
}

export function migrate(
  raw: unknown,
  version: number,
  migrations: readonly Migration[],
  path: string,
): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new StoreLoadError(path, 'it does not hold a JSON object');
  }
  let data = raw as Record<string, unknown>;
  let current = data.schemaVersion;
  if (typeof current !== 'number') throw new StoreLoadError(path, 'it has no numeric "schemaVersion"');
  if (current > version) {
    throw new StoreLoadError(
      path,
      `it was written by a newer smsim (schema version ${current}, this one reads up to ${version})`,
    );
  }
  while (current < version) {
    const step = migrations.find((migration) => migration.from === current);
    if (!step) throw new StoreLoadError(path, `no migration from schema version ${current}`);
    data = { ...step.up(data), schemaVersion: current + 1 };
    current += 1;
  }
  return data;
}
