import { randomUUID } from 'node:crypto';
import { nowIso } from '../clock';

export const newId = (): string => randomUUID();

/** The fields every SM resource starts with. */
export function freshResource(id: string = newId()) {
  const now = nowIso();
  return { id, created_at: now, updated_at: now, labels: {}, ready: true };
}
