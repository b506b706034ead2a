import type { Catalog, Offering, Plan } from '../osb/catalog-types';
import { REFERENCE_PLAN_NAME } from '../osb/sharing-rules';
import type { PlanVisibility, RegisteredBroker } from './state';

/**
 * The platform's marketplace: the catalogs its proxy got from the SM (already filtered for this platform),
 * limited to the plans the platform's own visibilities enable (on Cloud Foundry: per organization).
 */
export interface MarketplacePlan {
  id: string;
  name: string;
  description: string;
  free: boolean;
  bindable: boolean;
  plan_updateable: boolean;
  maximum_polling_duration?: number;
  maintenance_info?: Plan['maintenance_info'];
  schemas?: Plan['schemas'];
  metadata?: Record<string, unknown>;
}

export interface MarketplaceOffering {
  id: string;
  name: string;
  description: string;
  /** The broker as the platform registered it (`sm-<name>-<id>`) and its SM id. */
  broker: string;
  sm_broker_id: string;
  bindable: boolean;
  plan_updateable: boolean;
  allow_context_updates: boolean;
  instances_retrievable: boolean;
  bindings_retrievable: boolean;
  tags: string[];
  requires: string[];
  metadata?: Record<string, unknown>;
  plans: MarketplacePlan[];
}

function planOf(offering: Offering, plan: Plan): MarketplacePlan {
  const { id, name, description, maximum_polling_duration, maintenance_info, schemas, metadata } = plan;
  return {
    id,
    name,
    description,
    free: plan.free ?? true,
    bindable: plan.bindable ?? offering.bindable,
    plan_updateable: plan.plan_updateable ?? offering.plan_updateable ?? false,
    ...(maximum_polling_duration === undefined ? {} : { maximum_polling_duration }),
    ...(maintenance_info === undefined ? {} : { maintenance_info }),
    ...(schemas === undefined ? {} : { schemas }),
    ...(metadata === undefined ? {} : { metadata }),
  };
}

/** Whether the platform's visibilities enable a plan (on Cloud Foundry: in `organization`, when given). */
export const planEnabled =
  (visibilities: readonly PlanVisibility[], organization?: string) => (brokerId: string, planId: string) =>
    visibilities.some(
      (visibility) =>
        visibility.sm_broker_id === brokerId &&
        visibility.plan_id === planId &&
        (visibility.organizations === null ||
          !organization ||
          visibility.organizations.includes(organization)),
    );

/**
 * The offerings of the registered brokers' catalogs, with the plans `enabled` lets through (all by default).
 * The SM's `reference-instance` plan has no visibility of its own: the SM serves it only with a visible offering.
 */
export function marketplace(
  brokers: readonly RegisteredBroker[],
  catalogs: ReadonlyMap<string, Catalog>,
  enabled: (brokerId: string, planId: string) => boolean = () => true,
): MarketplaceOffering[] {
  return brokers.flatMap((broker) =>
    (catalogs.get(broker.sm_broker_id)?.services ?? []).flatMap((offering): MarketplaceOffering[] => {
      const plans = offering.plans
        .filter((plan) => plan.name === REFERENCE_PLAN_NAME || enabled(broker.sm_broker_id, plan.id))
        .map((plan) => planOf(offering, plan));
      if (plans.length === 0) return [];
      return [
        {
          id: offering.id,
          name: offering.name,
          description: offering.description,
          broker: broker.name,
          sm_broker_id: broker.sm_broker_id,
          bindable: offering.bindable,
          plan_updateable: offering.plan_updateable ?? false,
          allow_context_updates: offering.allow_context_updates ?? false,
          instances_retrievable: offering.instances_retrievable ?? false,
          bindings_retrievable: offering.bindings_retrievable ?? false,
          tags: offering.tags ?? [],
          requires: offering.requires ?? [],
          ...(offering.metadata === undefined ? {} : { metadata: offering.metadata }),
          plans,
        },
      ];
    }),
  );
}

export interface PlanChoice {
  offering: MarketplaceOffering;
  plan: MarketplacePlan;
}

/** A service by name or id, and one of its plans by name or id; an error sentence when there is none. */
export function choosePlan(
  offerings: readonly MarketplaceOffering[],
  service: string,
  plan: string,
): PlanChoice | string {
  const matching = offerings.filter((offering) => offering.id === service || offering.name === service);
  if (matching.length === 0)
    return `there is no service "${service}" in its marketplace (GET /api/marketplace lists them).`;
  if (matching.length > 1)
    return `${matching.length} brokers offer a service named "${service}" (${matching.map((o) => o.broker).join(', ')}); give the service id.`;
  const offering = matching[0]!;
  const chosen = offering.plans.find((candidate) => candidate.id === plan || candidate.name === plan);
  if (!chosen)
    return `service "${offering.name}" has no plan "${plan}" here (its plans: ${offering.plans.map((p) => p.name).join(', ')}).`;
  return { offering, plan: chosen };
}

/** An instance's offering and plan by their catalog ids. */
export function findPlan(
  offerings: readonly MarketplaceOffering[],
  serviceId: string,
  planId: string,
): PlanChoice | undefined {
  const offering = offerings.find((candidate) => candidate.id === serviceId);
  const plan = offering?.plans.find((candidate) => candidate.id === planId);
  return offering && plan && { offering, plan };
}
