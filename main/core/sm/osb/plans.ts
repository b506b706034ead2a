import type { CatalogCache } from '../catalog/cache';
import type { OfferingView, PlanView } from '../catalog/views';
import type { BrokerRecord } from '../model';
import { referencePlanId } from '../sharing/plans';

type Catalog = Pick<CatalogCache, 'plans' | 'offerings'>;
type Broker = Pick<BrokerRecord, 'id'>;

/** The plan of `broker` with this catalog id, if its catalog has one. */
export function planOf(catalog: Catalog, broker: Broker, planId: string): PlanView | undefined {
  return catalog
    .plans()
    .find((candidate) => candidate.broker_id === broker.id && candidate.catalog_id === planId);
}

/** The offering of `broker` whose `reference-instance` plan has this catalog id, if any. */
export function referencedOffering(
  catalog: Catalog,
  broker: Broker,
  planId: string,
): OfferingView | undefined {
  return catalog
    .offerings()
    .find(
      (offering) =>
        offering.broker_id === broker.id && referencePlanId(broker.id, offering.catalog_id) === planId,
    );
}

/** The plans of an offering. */
export const offeringPlans = (catalog: Catalog, offering: Pick<OfferingView, 'id'>): PlanView[] =>
  catalog.plans().filter((plan) => plan.service_offering_id === offering.id);
