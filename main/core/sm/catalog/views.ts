import type { Catalog, Offering, Plan } from '../../osb/catalog-types';
import { stableId } from './ids';

/** An offering as the SM API shows it: the broker's fields plus SM ids and links. */
export type OfferingView = Omit<Offering, 'plans' | 'id' | 'name'> & {
  id: string;
  name: string;
  catalog_id: string;
  catalog_name: string;
  broker_id: string;
  created_at: string;
  updated_at: string;
  ready: true;
};

export type PlanView = Omit<Plan, 'id' | 'name'> & {
  id: string;
  name: string;
  catalog_id: string;
  catalog_name: string;
  service_offering_id: string;
  broker_id: string;
  created_at: string;
  updated_at: string;
  ready: true;
};

export interface CatalogViews {
  offerings: OfferingView[];
  plans: PlanView[];
}

/** `firstSeen` keeps created_at stable for offerings and plans that were already in the cache. */
export function buildViews(
  brokerId: string,
  catalog: Catalog,
  fetchedAt: string,
  firstSeen: (id: string) => string | undefined,
): CatalogViews {
  const offerings: OfferingView[] = [];
  const plans: PlanView[] = [];
  for (const { plans: offeringPlans, ...offering } of catalog.services) {
    const offeringId = stableId(brokerId, 'offering', offering.id);
    offerings.push({
      ...offering,
      id: offeringId,
      catalog_id: offering.id,
      catalog_name: offering.name,
      broker_id: brokerId,
      created_at: firstSeen(offeringId) ?? fetchedAt,
      updated_at: fetchedAt,
      ready: true,
    });
    for (const plan of offeringPlans) {
      const planId = stableId(brokerId, 'plan', plan.id);
      plans.push({
        ...plan,
        id: planId,
        catalog_id: plan.id,
        catalog_name: plan.name,
        service_offering_id: offeringId,
        broker_id: brokerId,
        created_at: firstSeen(planId) ?? fetchedAt,
        updated_at: fetchedAt,
        ready: true,
      });
    }
  }
  return { offerings, plans };
}
