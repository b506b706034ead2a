import { badRequest } from '../../../errors';
import { isShareable } from '../../sharing/plans';
import { offeringPlans, referencedOffering } from '../plans';
import { planAccess } from '../visibility';
import type { OsbRule } from './types';

/**
 * A provision of an offering's `reference-instance` plan needs a shareable plan in that offering and one of
 * its plans visible to the caller (400, as for any plan: see plan-visible.ts).
 */
export const referenceOfferingVisible: OsbRule = {
  name: 'reference-offering-visible',
  operations: ['provision'],
  check({ job, state, catalog }) {
    const offering = referencedOffering(catalog, job.broker, job.body.plan_id!);
    if (!offering) return;
    const plans = offeringPlans(catalog, offering);
    if (!plans.some(isShareable))
      throw badRequest(`Offering "${offering.catalog_name}" has no shareable plan.`);
    if (!plans.some((plan) => planAccess(plan, job.platform, state.visibilities)))
      throw badRequest(
        `Offering "${offering.catalog_name}" is not visible to platform "${job.platform.name}".`,
      );
  },
};
