import { createHash } from 'node:crypto';

/** A UUID-shaped id derived from the broker and the catalog id, so it survives restarts and refetches. */
export function stableId(brokerId: string, kind: 'offering' | 'plan', catalogId: string): string {
  const hex = createHash('sha1').update(`${brokerId}\u0000${kind}\u0000${catalogId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
