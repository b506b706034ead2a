import type { MarketplacePlan } from '../../../main/servers/platform/api-types';
import type { InstanceRow } from '../model/instances';

/** What an instance's card offers. */
export interface PlanActions {
  bind: boolean;
  update: boolean;
  /** The plans an update may choose: the instance's own, and the others when its plan is plan_updateable. */
  updatePlans: MarketplacePlan[];
  /** Share (or unshare: an instance shared already can always stop). */
  share: boolean;
}

const isReferencePlan = (plan: MarketplacePlan) => plan.metadata?.referencePlan === true;

/**
 * The actions the instance's plan allows, read from the catalog as the platform's marketplace shows it:
 * bind only a bindable plan, update only to another plan where the plan is plan_updateable or where it has
 * an update parameter schema, share only a plan with `metadata.supportsInstanceSharing`. The platform and
 * the SM refuse the others; offering them would only lead to a refusal.
 */
export function planActions(instance: InstanceRow): PlanActions {
  const plans = instance.offering?.plans ?? [];
  const plan = plans.find((candidate) => candidate.name === instance.plan);
  if (!plan) return { bind: false, update: false, updatePlans: [], share: instance.shared };
  const isReference = instance.referencedInstanceId !== undefined;
  const others = plan.plan_updateable
    ? plans.filter((candidate) => candidate.id !== plan.id && !isReferencePlan(candidate))
    : [];
  const updateSchema = plan.schemas?.service_instance?.update?.parameters;
  return {
    bind: plan.bindable,
    update: !isReference && (others.length > 0 || updateSchema !== undefined),
    updatePlans: [plan, ...others],
    share: !isReference && (instance.shared || plan.metadata?.supportsInstanceSharing === true),
  };
}
