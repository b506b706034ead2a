import { useState } from 'react';
import { BrokerCard } from '../catalog/BrokerCard';
import { BrokerForm } from '../catalog/BrokerForm';
import { RefreshHistory } from '../catalog/RefreshHistory';
import { refreshSummary } from '../catalog/refresh-summary';
import { ActionMessage } from '../components/ActionMessage';
import { LoadState } from '../components/LoadState';
import { ViewHeader } from '../components/ViewHeader';
import { refreshCatalogs, useCatalog, usePublishedPlanIds } from '../model/catalog';
import { useAction } from '../use-action';

export function CatalogView() {
  const catalog = useCatalog();
  const published = usePublishedPlanIds();
  const [registering, setRegistering] = useState(false);
  /** What the last action of this view (Refresh all, a broker removed) did. */
  const [done, setDone] = useState<string | null>(null);
  const { error, busy, run } = useAction();
  return (
    <section className="view">
      <ViewHeader
        title="Catalog"
        summary="The brokers registered at the Service Manager, with their offerings and plans, and every catalog refresh."
      >
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setDone(null);
            void run(async () => setDone(refreshSummary(await refreshCatalogs())));
          }}
        >
          Refresh all
        </button>
        <button type="button" className="button button-primary" onClick={() => setRegistering(true)}>
          Register a broker
        </button>
      </ViewHeader>
      <ActionMessage error={error} />
      <div className="toolbar-message" role="status">
        {done}
      </div>
      {registering ? <BrokerForm onDone={() => setRegistering(false)} /> : null}
      <LoadState loaded={catalog} what="The catalog">
        {(data) => (
          <div className="stack">
            {data.brokers.map((broker) => (
              <BrokerCard
                key={broker.id}
                broker={broker}
                catalog={data}
                last={data.refreshes.find((refresh) => refresh.broker_id === broker.id)}
                published={published.state === 'ok' ? published.data : undefined}
                onRemoved={(name) => setDone(`Removed broker ${name} from the Service Manager.`)}
              />
            ))}
            <RefreshHistory refreshes={data.refreshes} nextAt={data.nextScheduledAt} />
          </div>
        )}
      </LoadState>
    </section>
  );
}
