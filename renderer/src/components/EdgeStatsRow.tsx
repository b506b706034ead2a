import type { EdgeStatsView } from '../../../main/servers/control/api-types';
import { formatCount, formatLatency, formatRate } from '../views/landscape-edges';

interface EdgeStatsRowProps {
  edge: EdgeStatsView;
  /** Which way the calls go, said from the card's node: "to the Service Manager". */
  caption: string;
  /** The seconds the rate is counted over. */
  rateWindowSeconds: number;
}

/** The calls on one edge of the Landscape: how many, how fast now, the median time, and how many failed. */
export function EdgeStatsRow({ edge, caption, rateWindowSeconds }: EdgeStatsRowProps) {
  const stats = [
    { id: 'node-calls', value: formatCount(edge.total), label: edge.total === 1 ? 'call' : 'calls' },
    {
      id: 'edge-rate',
      value: formatRate(edge.ratePerSecond),
      label: 'now',
      title: `calls per second over the last ${rateWindowSeconds} s`,
    },
    {
      id: 'edge-p50',
      value: formatLatency(edge.p50Ms),
      label: 'p50',
      title: 'median time of the latest calls',
    },
    {
      id: 'edge-errors',
      value: formatCount(edge.errors),
      label: edge.errors === 1 ? 'error' : 'errors',
      title: 'answered 5xx or not at all',
      alert: edge.errors > 0,
    },
    ...(edge.refused > 0
      ? [{ id: 'edge-refused', value: formatCount(edge.refused), label: 'refused', title: 'answered 4xx' }]
      : []),
  ];
  return (
    <div className="edge-stats" data-testid="edge-stats">
      <span className="edge-stats-caption">{caption}</span>
      <dl className="edge-stats-values">
        {stats.map((stat) => (
          <div
            key={stat.id}
            className={`edge-stat${'alert' in stat && stat.alert ? ' edge-stat-alert' : ''}`}
            title={stat.title}
          >
            <dt>{stat.label}</dt>
            <dd className="number" data-testid={stat.id}>
              {stat.value}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
