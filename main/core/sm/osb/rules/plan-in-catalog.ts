import { badRequest } from '../../../errors';
import { planOf, referencedOffering } from '../plans';
import type { OsbRule } from './types';

/**
 * The `plan_id` of a provision or update names a plan of the broker's catalog, or on a provision its
 * `reference-instance` plan; a `service_id` beside it names that plan's offering. Else 400, as the broker
 * itself answers: OSB provisioning and update define no 404.
 */
export const planInCatalog: OsbRule = {
  name: 'plan-in-catalog',
  operations: ['provision', 'update'],
  check({ job, catalog }) {
    const { plan_id: planId, service_id: serviceId } = job.body;
    if (planId === undefined) return;
    const reference =
      job.route.operation === 'provision' ? referencedOffering(catalog, job.broker, planId) : undefined;
    const plan = reference ? undefined : planOf(catalog, job.broker, planId);
    if (!reference && !plan) {
      throw badRequest(
        `The catalog of broker "${job.broker.name}" has no plan with id ${planId}. Send a plan_id from GET /v2/catalog.`,
      );
    }
    const offering =
      reference ?? catalog.offerings().find((candidate) => candidate.id === plan!.service_offering_id);
    if (serviceId !== undefined && offering && offering.catalog_id !== serviceId) {
      throw badRequest(
        `Plan ${planId} belongs to service ${offering.catalog_id}, not to service ${serviceId}.`,
      );
    }
  },
};
