import type { SimEvent } from '../../main/servers/control/api-types';

/** What lights an edge of the landscape: the last call that crossed it. */
export interface EdgeHit {
  status: number | null;
  at: number;
}

interface ExchangeData {
  from: string;
  to: string;
  status: number | null;
}

/** The landscape node a traffic node name belongs to: `cf-dev` and `proxy:cf-dev` are the platform. */
export function nodeOf(name: string): string | null {
  if (name === 'sm') return 'service-manager';
  if (name.startsWith('broker:')) return 'sample-broker';
  if (name === 'client') return null;
  return `platform-${name.replace(/^proxy:/, '')}`;
}

/** The key of the landscape edge an exchange crossed, or null when it stays inside a node or has no end. */
export function edgeOf(event: SimEvent): { key: string; hit: EdgeHit } | null {
  if (event.type !== 'traffic.exchange') return null;
  const data = event.data as ExchangeData;
  const from = nodeOf(data.from);
  const to = nodeOf(data.to);
  if (!from || !to || from === to) return null;
  return { key: `${from}|${to}`, hit: { status: data.status, at: Date.parse(event.at) } };
}

/** The colour class of a status: 2xx ok, 4xx warn, 5xx and no answer error. */
export function statusClass(status: number | null | undefined): 'ok' | 'warn' | 'error' | 'none' {
  if (status === undefined) return 'none';
  if (status === null || status >= 500) return 'error';
  return status >= 400 ? 'warn' : 'ok';
}
