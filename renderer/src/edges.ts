import type { SimEvent } from '../../main/servers/control/api-types';
import { edgeKey, type HopEnds, landscapeEdgeOf } from '../../shared/landscape-edges';

/** What lights an edge of the landscape: the last call that crossed it. */
export interface EdgeHit {
  status: number | null;
  at: number;
}

interface ExchangeData extends HopEnds {
  status: number | null;
}

/**
 * The key of the landscape edge an ended call crossed (`from|to` node ids, as GET /api/landscape names
 * them), or null when it is no call on a line of the picture.
 */
export function edgeOf(event: SimEvent): { key: string; hit: EdgeHit } | null {
  if (event.type !== 'traffic.exchange') return null;
  const data = event.data as ExchangeData;
  const ends = landscapeEdgeOf(data);
  return ends && { key: edgeKey(ends), hit: { status: data.status, at: Date.parse(event.at) } };
}

/** The colour class of a status: 2xx ok, 4xx warn, 5xx and no answer error. */
export function statusClass(status: number | null | undefined): 'ok' | 'warn' | 'error' | 'none' {
  if (status === undefined) return 'none';
  if (status === null || status >= 500) return 'error';
  return status >= 400 ? 'warn' : 'ok';
}
