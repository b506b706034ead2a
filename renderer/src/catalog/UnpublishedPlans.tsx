import type { PlanView } from '../../../main/servers/sm/api-types';
import { ActionMessage } from '../components/ActionMessage';
import { publishBroker } from '../model/catalog';
import { useAction } from '../use-action';

/**
 * Why a marketplace lacks a broker's plans: no visibility lets any platform see them. Offers to publish them
 * to every platform here, with the CLI command that does the same.
 */
export function UnpublishedPlans({ brokerName, plans }: { brokerName: string; plans: PlanView[] }) {
  const { error, busy, run } = useAction();
  if (plans.length === 0) return null;
  const names = plans.map((plan) => plan.name).join(', ');
  const them = plans.length === 1 ? 'this plan until it is' : 'these plans until they are';
  return (
    <div className="notice unpublished-plans" data-testid="unpublished-plans">
      <p>
        <strong>{names}: not visible on any platform</strong> — no marketplace lists {them} published.
      </p>
      <p className="unpublished-actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => run(() => publishBroker(brokerName))}
        >
          Publish to every platform
        </button>
        <span className="muted">
          or run <code>smsim broker publish {brokerName}</code>, or choose platforms in Platforms → Edit
          visibilities.
        </span>
      </p>
      <ActionMessage error={error} />
    </div>
  );
}
