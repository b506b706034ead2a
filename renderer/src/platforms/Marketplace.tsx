import type { MarketplaceOffering, MarketplacePlan } from '../../../main/servers/platform/api-types';

interface MarketplaceProps {
  offerings: MarketplaceOffering[];
  onProvision: (offering: MarketplaceOffering, plan: MarketplacePlan) => void;
}

/** The offerings and plans the SM lets this platform see, each plan with a button to provision it. */
export function Marketplace({ offerings, onProvision }: MarketplaceProps) {
  if (offerings.length === 0)
    return <p className="muted">The Service Manager lets this platform see no plan.</p>;
  return (
    <ul className="offerings">
      {offerings.map((offering) => (
        <li key={offering.id} className="offering">
          <strong>{offering.name}</strong> <span className="muted">{offering.description}</span>
          <span className="plans">
            {offering.plans.map((plan) => (
              <button
                key={plan.id}
                type="button"
                className="chip chip-button"
                title={`Provision ${plan.name}: ${plan.description}`}
                data-testid={`provision-${offering.name}-${plan.name}`}
                onClick={() => onProvision(offering, plan)}
              >
                + {plan.name}
              </button>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
