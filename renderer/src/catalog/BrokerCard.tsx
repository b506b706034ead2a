import { useState } from 'react';
import type { BrokerView, CatalogRefresh } from '../../../main/servers/sm/api-types';
import { ActionMessage } from '../components/ActionMessage';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { type CatalogData, refreshCatalogs, removeBroker } from '../model/catalog';
import { useAction } from '../use-action';
import { BrokerForm } from './BrokerForm';
import { refreshSummary } from './refresh-summary';
import { UnpublishedPlans } from './UnpublishedPlans';

interface BrokerCardProps {
  broker: BrokerView;
  catalog: CatalogData;
  /** The broker's newest refresh, with the problems its catalog had. */
  last: CatalogRefresh | undefined;
  /** The SM plans some platform may see; undefined while they load. */
  published: Set<string> | undefined;
  onRemoved: (name: string) => void;
}

/** A registered broker: its offerings and plans, its catalog's problems, and refresh / edit / remove. */
export function BrokerCard({ broker, catalog, last, published, onRemoved }: BrokerCardProps) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [refreshed, setRefreshed] = useState<string | null>(null);
  const { error, busy, run } = useAction();
  const offerings = catalog.offerings.filter((offering) => offering.broker_id === broker.id);
  const plans = catalog.plans.filter((plan) =>
    offerings.some((offering) => offering.id === plan.service_offering_id),
  );
  const unpublished = published ? plans.filter((plan) => !published.has(plan.id)) : [];
  const remove = async () => {
    setConfirming(false);
    if (await run(() => removeBroker(broker.id))) onRemoved(broker.name);
  };
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
            onClick={() => {
              setRefreshed(null);
              void run(async () => setRefreshed(refreshSummary(await refreshCatalogs(broker.id))));
            }}
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
            onClick={() => setConfirming(true)}
          >
            Remove
          </button>
        </div>
      </header>
      <ConfirmDialog
        open={confirming}
        title={`Remove broker ${broker.name}?`}
        body={
          <p>
            {`The Service Manager forgets the broker and its ${plans.length} plan${plans.length === 1 ? '' : 's'}; `}
            platforms drop them from their marketplaces. A broker that still has instances is refused.
          </p>
        }
        confirmLabel="Remove broker"
        onConfirm={remove}
        onCancel={() => setConfirming(false)}
      />
      <div className="toolbar-message" role="status">
        {refreshed}
      </div>
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
      <UnpublishedPlans brokerName={broker.name} plans={unpublished} />
      <ul className="offerings">
        {offerings.map((offering) => (
          <li key={offering.id} className="offering">
            <strong>{offering.name}</strong> <span className="muted">{offering.description}</span>
            <span className="plans">
              {plans
                .filter((plan) => plan.service_offering_id === offering.id)
                .map((plan) => (
                  <span
                    key={plan.id}
                    className={unpublished.includes(plan) ? 'chip chip-unpublished' : 'chip'}
                    title={
                      unpublished.includes(plan)
                        ? `${plan.description} (not visible on any platform)`
                        : plan.description
                    }
                  >
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
