import type { Connector } from '../components/ConnectorLines';
import { type EdgeHit, statusClass } from '../edges';
import type { Landscape } from './landscape-nodes';

/** How long an edge stays lit after a call crossed it. */
export const LIT_MS = 2000;

type Hits = Record<string, EdgeHit & { count: number }>;

/** The last call across an edge, either way. */
function lastHit(hits: Hits, a: string, b: string): EdgeHit | undefined {
  const there = hits[`${a}|${b}`];
  const back = hits[`${b}|${a}`];
  if (!there || !back) return there ?? back;
  return there.at >= back.at ? there : back;
}

/** The edges platform → SM → broker, each lit (coloured by the last status) while a call just crossed it. */
export function landscapeConnectors(landscape: Landscape, hits: Hits, now: number): Connector[] {
  const sm = landscape.serviceManager?.id;
  if (!sm) return [];
  const pairs = [
    ...landscape.platforms.map((platform) => [platform.id, sm] as const),
    ...landscape.brokers.map((broker) => [sm, broker.id] as const),
  ];
  return pairs.map(([from, to]) => {
    const last = lastHit(hits, from, to);
    const lit = last && now - last.at < LIT_MS;
    return {
      from,
      to,
      testId: `edge-${from}--${to}`,
      className: lit ? `edge edge-lit edge-${statusClass(last.status)}` : 'edge',
    };
  });
}

/** How many calls each node took part in. */
export function callCounts(hits: Hits): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [key, hit] of Object.entries(hits)) {
    for (const node of key.split('|')) counts[node] = (counts[node] ?? 0) + hit.count;
  }
  return counts;
}
