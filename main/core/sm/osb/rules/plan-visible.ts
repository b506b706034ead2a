import { badRequest } from '../../../errors';
import { isObject } from '../../../is-object';
import { findById } from '../../../record-index';
import { planOf, referencedOffering } from '../plans';
import { CLOUD_FOUNDRY, planAccess } from '../visibility';
import type { OsbRule, RuleCall } from './types';

/** The plan a provision asks for, or the new plan of an update, and the context it is asked in. */
function askedPlan({ job, state, catalog }: RuleCall) {
  const { plan_id: planId, context } = job.body;
  if (planId === undefined) return undefined;
  if (job.route.operation === 'provision') {
    if (referencedOffering(catalog, job.broker, planId)) return undefined;
    return { plan: planOf(catalog, job.broker, planId)!, context };
  }
  const instance = findById(state.instances, job.route.instanceId!)!;
  const plan = planOf(catalog, job.broker, planId)!;
  return plan.id === instance.service_plan_id ? undefined : { plan, context: context ?? instance.context };
}

/**
 * The plan of a provision, or the new plan of an update, is visible to the caller; a Cloud Foundry caller
 * names the organization (`context.organization_guid`, or the top-level one: see `requestBody`), one the plan
 * is visible in. Each refusal is 400: the Peripli SM answers 404, but OSB provisioning and update define no
 * 404 for a platform to read. The `reference-instance` plan: see reference-offering-visible.ts.
 */
export const planVisible: OsbRule = {
  name: 'plan-visible',
  operations: ['provision', 'update'],
  check(call) {
    const asked = askedPlan(call);
    if (!asked) return;
    const { plan, context } = asked;
    const { platform } = call.job;
    const access = planAccess(plan, platform, call.state.visibilities);
    const name = `Plan "${plan.catalog_name}" (${plan.catalog_id})`;
    if (!access) {
      throw badRequest(
        `${name} is not visible to platform "${platform.name}". Make it visible with POST /v1/visibilities.`,
      );
    }
    if (platform.type !== CLOUD_FOUNDRY) return;
    const org = isObject(context) ? context.organization_guid : undefined;
    if (typeof org !== 'string' || org === '') {
      throw badRequest(
        `Platform "${platform.name}" is a Cloud Foundry platform: send context.organization_guid (or the top-level organization_guid).`,
      );
    }
    if (access.orgs !== 'all' && !access.orgs.includes(org)) {
      throw badRequest(
        `${name} is not visible in organization ${org} of platform "${platform.name}". ` +
          'Make it visible there with POST /v1/visibilities (label organization_guid).',
      );
    }
  },
};
