import type { MarketplaceOffering, MarketplacePlan } from './marketplace';

/**
 * The platform's own rules about what it sends (docs/osb.md): never bind a non-bindable plan, never change
 * a plan unless `plan_updateable`, never send a context-only PATCH unless `allow_context_updates`.
 */
export function bindRefusal(offering: MarketplaceOffering, plan: MarketplacePlan): string | undefined {
  if (plan.bindable) return undefined;
  return `plan "${plan.name}" of service "${offering.name}" is not bindable.`;
}

export interface UpdateAsked {
  /** The plan asked for, when it differs from the instance's. */
  newPlan?: MarketplacePlan;
  parameters: boolean;
  contextChanged: boolean;
}

/**
 * `send`: a PATCH goes to the broker. `local`: only the name or context changes and the service does not
 * allow context updates, so the platform records the change without telling the broker (as Cloud Foundry
 * does on a rename). A string: why the update is refused.
 */
export function updateDecision(
  offering: Pick<MarketplaceOffering, 'name' | 'allow_context_updates'>,
  current: Pick<MarketplacePlan, 'name' | 'plan_updateable'>,
  asked: UpdateAsked,
): 'send' | 'local' | string {
  if (asked.newPlan && !current.plan_updateable) {
    return `plan "${current.name}" of service "${offering.name}" is not plan_updateable: its instances cannot change plan.`;
  }
  if (asked.newPlan || asked.parameters) return 'send';
  if (!asked.contextChanged)
    return 'the update changes nothing: give a new plan, parameters, name or context.';
  return offering.allow_context_updates ? 'send' : 'local';
}
