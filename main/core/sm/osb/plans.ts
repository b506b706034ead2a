import { badRequest, notFound } from '../../errors';
import { isObject } from '../../is-object';
import type { CatalogCache } from '../catalog/cache';
import type { PlanView } from '../catalog/views';
import type { BrokerRecord, PlatformRecord, VisibilityRecord } from '../model';
import { CLOUD_FOUNDRY, planAccess } from './visibility';

type Caller = Pick<PlatformRecord, 'id' | 'name' | 'type'>;

/** The plan of `broker` with this catalog id; a request naming it under another offering is refused. */
export function findPlan(
  catalog: Pick<CatalogCache, 'plans' | 'offerings'>,
  broker: Pick<BrokerRecord, 'id' | 'name'>,
  planId: string,
  serviceId?: string,
): PlanView {
  const plan = catalog
    .plans()
    .find((candidate) => candidate.broker_id === broker.id && candidate.catalog_id === planId);
  if (!plan) {
    throw notFound(
      `Broker "${broker.name}" has no plan with id ${planId} in its catalog. Fetch GET /v2/catalog for the valid ids.`,
    );
  }
  const offering = catalog.offerings().find((candidate) => candidate.id === plan.service_offering_id);
  if (serviceId !== undefined && offering && offering.catalog_id !== serviceId) {
    throw badRequest(
      `Plan ${planId} belongs to service ${offering.catalog_id}, not to service ${serviceId}.`,
    );
  }
  return plan;
}

/**
 * Provision and plan changes: the plan must be visible to the caller (else 404); a Cloud Foundry caller
 * must name the organization in `context.organization_guid` (else 400), one the plan is visible in.
 */
export function requirePlanAccess(
  plan: PlanView,
  platform: Caller,
  visibilities: readonly VisibilityRecord[],
  context: unknown,
): void {
  const access = planAccess(plan, platform, visibilities);
  const name = `Plan "${plan.catalog_name}" (${plan.catalog_id})`;
  if (!access) {
    throw notFound(
      `${name} is not visible to platform "${platform.name}". Make it visible with POST /v1/visibilities.`,
    );
  }
  if (platform.type !== CLOUD_FOUNDRY) return;
  const org = isObject(context) ? context.organization_guid : undefined;
  if (typeof org !== 'string' || org === '') {
    throw badRequest(
      `Platform "${platform.name}" is a Cloud Foundry platform: send context.organization_guid.`,
    );
  }
  if (access.orgs !== 'all' && !access.orgs.includes(org)) {
    throw notFound(`${name} is not visible in organization ${org} of platform "${platform.name}".`);
  }
}
