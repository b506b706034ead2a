import { useState } from 'react';
import type { BrokerView, CatalogRefresh } from '../../../main/servers/sm/api-types';
import { ActionMessage } from '../components/ActionMessage';
import { type CatalogData, refreshCatalogs, removeBroker } from '../model/catalog';
import { useAction } from '../use-action';
import { BrokerForm } from './BrokerForm';

interface BrokerCardProps {
  broker: BrokerView;
  catalog: CatalogData;
  /** The broker's newest refresh, with the problems its catalog had. */
  last: CatalogRefresh | undefined;
}

/** A registered broker: its offerings and plans, its catalog's problems, and refresh / edit / remove. */
export function BrokerCard({ broker, catalog, last }: BrokerCardProps) {
  const [editing, setEditing] = useState(false);
  const { error, busy, run } = useAction();
  const offerings = catalog.offerings.filter((offering) => offering.broker_id === broker.id);
  return (
    <article className="panel broker-card" data-testid={`broker-${broker.name}`} aria-label={broker.name}>
      <header className="broker-head">
        <div>
          <h2 className="panel-title">{broker.name}</h2>
          <code className="muted">{broker.broker_url}</code>
        </div>
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => run(() => refreshCatalogs(broker.id))}
          >
            Refresh catalog
          </button>
          <button type="button" className="button" onClick={() => setEditing(!editing)}>
            Edit
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => run(() => removeBroker(broker.id))}
          >
            Remove
          </button>
        </div>
      </header>
      <ActionMessage error={error} />
      {editing ? <BrokerForm broker={broker} onDone={() => setEditing(false)} /> : null}
      {last?.problems?.length ? (
        <ul className="problems" aria-label="Catalog problems">
          {last.problems.map((problem) => (
            <li key={`${problem.code}-${problem.path}`} className={`problem-${problem.severity}`}>
              <code>{problem.path}</code> {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="offerings">
        {offerings.map((offering) => (
          <li key={offering.id} className="offering">
            <strong>{offering.name}</strong> <span className="muted">{offering.description}</span>
            <span className="plans">
              {catalog.plans
                .filter((plan) => plan.service_offering_id === offering.id)
                .map((plan) => (
                  <span key={plan.id} className="chip" title={plan.description}>
                    {plan.name}
                    {plan.free === false ? ' $' : ''}
                  </span>
                ))}
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
}
