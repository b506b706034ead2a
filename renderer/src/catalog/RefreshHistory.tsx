import type { CatalogRefresh } from '../../../main/servers/sm/api-types';
import { statusClass } from '../edges';
import { RefreshDiff } from './RefreshDiff';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/** The refreshes, newest first: when, which broker, soft or forced, why, how long, the result and the diff. */
export function RefreshHistory({
  refreshes,
  nextAt,
}: {
  refreshes: CatalogRefresh[];
  nextAt: string | null;
}) {
  return (
    <section className="panel" aria-label="Refresh history">
      <h2 className="panel-title">Refresh history</h2>
      <p className="muted">
        {nextAt ? `Next scheduled refresh: ${time.format(new Date(nextAt))}.` : 'No refresh is scheduled.'}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Broker</th>
            <th scope="col">Kind</th>
            <th scope="col">Result</th>
            <th scope="col">What changed</th>
          </tr>
        </thead>
        <tbody>
          {refreshes.map((refresh) => (
            <tr key={refresh.id} data-testid="refresh">
              <td className="number">{time.format(new Date(refresh.started_at))}</td>
              <td>{refresh.broker_name}</td>
              <td>
                {refresh.mode} · {refresh.trigger} · {refresh.duration_ms} ms
              </td>
              <td
                className={`status-${statusClass(refresh.result === 'updated' || refresh.result === 'unchanged' ? 200 : 500)}`}
              >
                {refresh.result}
                {refresh.description ? <div className="muted">{refresh.description}</div> : null}
              </td>
              <td>{refresh.diff ? <RefreshDiff diff={refresh.diff} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
