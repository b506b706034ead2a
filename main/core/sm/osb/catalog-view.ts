import type { Catalog, Plan } from '../../osb/catalog-types';
import type { CatalogViews } from '../catalog/views';
import type { PlatformRecord, VisibilityRecord } from '../model';
import { referencePlan } from '../sharing/plans';
import { planAccess } from './visibility';

/**
 * A broker's catalog as one platform sees it: only plans visible to it (org-scoped Cloud Foundry
 * visibilities included: the proxy applies them per org, provisioning enforces them), offerings without
 * such plans dropped, SM ids in `metadata.sm_offering_id` / `metadata.sm_plan_id`, and the SM's
 * `reference-instance` plan in every shown offering with a shareable plan.
 */
export function catalogForPlatform(
  brokerId: string,
  catalog: Catalog,
  views: CatalogViews,
  platform: Pick<PlatformRecord, 'id' | 'name' | 'type'>,
  visibilities: readonly VisibilityRecord[],
): Catalog {
  const planViews = new Map(views.plans.map((plan) => [plan.catalog_id, plan]));
  const offeringIds = new Map(views.offerings.map((offering) => [offering.catalog_id, offering.id]));
  const services = catalog.services.flatMap((service) => {
    const plans = service.plans.flatMap((plan): Plan[] => {
      const view = planViews.get(plan.id);
      if (!view || !planAccess(view, platform, visibilities)) return [];
      return [{ ...plan, metadata: { ...plan.metadata, sm_plan_id: view.id } }];
    });
    if (plans.length === 0) return [];
    const reference = referencePlan(brokerId, service);
    if (reference) plans.push(reference);
    return [
      { ...service, metadata: { ...service.metadata, sm_offering_id: offeringIds.get(service.id) }, plans },
    ];
  });
  return { services };
}
