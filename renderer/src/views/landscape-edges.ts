import type { EdgeStatsView } from '../../../main/servers/control/api-types';
import { edgeKey, SERVICE_MANAGER_NODE } from '../../../shared/landscape-edges';
import type { Connector } from '../components/ConnectorLines';
import { type EdgeHit, statusClass } from '../edges';
import type { Landscape } from './landscape-nodes';

/** How long an edge stays lit after a call crossed it. */
export const LIT_MS = 2000;

/** The later of the last call the server counted and the last one this page saw go by. */
function lastCall(edge: EdgeStatsView, seen: EdgeHit | undefined): EdgeHit | undefined {
  const counted = edge.last && { status: edge.last.status, at: Date.parse(edge.last.at) };
  if (!counted || !seen) return counted ?? seen;
  return seen.at >= counted.at ? seen : counted;
}

/** The edges platform → SM → broker, each lit (coloured by the last status) while a call just crossed it. */
export function landscapeConnectors(
  landscape: Landscape,
  hits: Record<string, EdgeHit>,
  now: number,
): Connector[] {
  return landscape.edges.map((edge) => {
    const last = lastCall(edge, hits[edgeKey(edge)]);
    const lit = last && now - last.at < LIT_MS;
    return {
      from: edge.from,
      to: edge.to,
      testId: `edge-${edge.from}--${edge.to}`,
      className: lit ? `edge edge-lit edge-${statusClass(last.status)}` : 'edge',
    };
  });
}

/** The calls the SM took from the platforms and made to the brokers. */
export function serviceManagerCalls(edges: readonly EdgeStatsView[]) {
  const sum = (side: 'from' | 'to') =>
    edges
      .filter((edge) => edge[side] === SERVICE_MANAGER_NODE)
      .reduce((total, edge) => total + edge.total, 0);
  return { fromPlatforms: sum('to'), toBrokers: sum('from') };
}

const numberFormat = new Intl.NumberFormat();
const rateFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export const formatCount = (count: number) => numberFormat.format(count);

export const formatRate = (perSecond: number) => `${rateFormat.format(perSecond)}/s`;

/** A latency as a person reads it: `—` before any call, `8 ms`, `1.2 s`. */
export function formatLatency(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${rateFormat.format(ms / 1000)} s`;
}
