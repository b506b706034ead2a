import { useState } from 'react';
import { request } from '../api';
import { BrokerCard } from '../catalog/BrokerCard';
import { BrokerForm } from '../catalog/BrokerForm';
import { getCatalog } from '../catalog/catalog-data';
import { RefreshHistory } from '../catalog/RefreshHistory';
import { ActionMessage } from '../components/ActionMessage';
import { Notice } from '../components/Notice';
import { ViewHeader } from '../components/ViewHeader';
import { useSeenAny } from '../store';
import { useAction } from '../use-action';
import { useLoad } from '../use-load';

export function CatalogView() {
  const catalog = useLoad(getCatalog, useSeenAny('catalog.refresh', 'sm.broker'));
  const [registering, setRegistering] = useState(false);
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
          onClick={() => run(() => request('POST', '/api/catalog-refreshes', {}))}
        >
          Refresh all
        </button>
        <button type="button" className="button button-primary" onClick={() => setRegistering(true)}>
          Register a broker
        </button>
      </ViewHeader>
      <ActionMessage error={error} />
      {registering ? <BrokerForm onDone={() => setRegistering(false)} /> : null}
      {catalog.state === 'loading' ? <div className="panel panel-loading" aria-busy="true" /> : null}
      {catalog.state === 'error' ? (
        <Notice tone="error" title="The catalog could not be loaded.">
          {catalog.message}. Check that smsim is still running, then reload the page.
        </Notice>
      ) : null}
      {catalog.state === 'ok' ? (
        <div className="stack">
          {catalog.data.brokers.map((broker) => (
            <BrokerCard
              key={broker.id}
              broker={broker}
              catalog={catalog.data}
              last={catalog.data.refreshes.find((refresh) => refresh.broker_id === broker.id)}
            />
          ))}
          <RefreshHistory refreshes={catalog.data.refreshes} nextAt={catalog.data.nextScheduledAt} />
        </div>
      ) : null}
    </section>
  );
}
