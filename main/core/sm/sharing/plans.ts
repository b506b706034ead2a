import type { Offering, Plan } from '../../osb/catalog-types';
import { REFERENCE_PLAN_NAME } from '../../osb/sharing-rules';
import { stableId } from '../catalog/ids';

export const isShareable = (plan: { metadata?: Record<string, unknown> | undefined }): boolean =>
  plan.metadata?.supportsInstanceSharing === true;

/** Stable across restarts and refetches: derived from the broker and the offering's catalog id. */
export const referencePlanId = (brokerId: string, offeringCatalogId: string): string =>
  stableId(brokerId, 'plan', `${REFERENCE_PLAN_NAME}/${offeringCatalogId}`);

/** The `reference-instance` plan of an offering, or undefined when none of its plans is shareable. */
export function referencePlan(brokerId: string, offering: Offering): Plan | undefined {
  if (!offering.plans.some(isShareable)) return undefined;
  const id = referencePlanId(brokerId, offering.id);
  return {
    id,
    name: REFERENCE_PLAN_NAME,
    description: `A reference to a shared instance of ${offering.name}: provision it with parameters.referenced_instance_id or parameters.selectors.`,
    free: true,
    bindable: true,
    plan_updateable: false,
    metadata: { sm_plan_id: id, referencePlan: true },
  };
}
