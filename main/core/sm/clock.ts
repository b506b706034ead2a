import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();
export const nowIso = (): string => new Date().toISOString();

/** The fields every SM resource starts with. */
export function freshResource(id: string = newId()) {
  const now = nowIso();
  return { id, created_at: now, updated_at: now, labels: {}, ready: true };
}
