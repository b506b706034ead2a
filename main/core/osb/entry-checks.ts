import {
  checkDashboardClient,
  checkMaintenanceInfo,
  checkMaximumPollingDuration,
  checkMetadata,
  checkRequires,
  checkTags,
  labelOf,
  optionalBoolean,
  requiredString,
  warnIfNotCliFriendly,
} from './field-checks';
import type { IdentityChecks } from './identity-checks';
import { describeValue, isAbsent, isRecord, type JsonRecord, joinPath, type ProblemList } from './problems';
import { checkPlanSchemas } from './schema-checks';
import { checkSharingRules } from './sharing-rules';

/** What the checks of one catalog share. */
export interface CheckContext {
  problems: ProblemList;
  identity: IdentityChecks;
  sharing: boolean;
}

const OFFERING_FLAGS = [
  'instances_retrievable',
  'bindings_retrievable',
  'allow_context_updates',
  'plan_updateable',
];
const PLAN_FLAGS = ['free', 'bindable', 'binding_rotatable', 'plan_updateable'];

export function checkOffering(value: unknown, path: string, context: CheckContext): void {
  const { problems, identity } = context;
  if (!isRecord(value)) {
    problems.error(
      path,
      'invalid-offering',
      `Every entry of "services" must be an offering object; got ${describeValue(value)}.`,
    );
    return;
  }
  const label = labelOf('Offering', value, path);
  const id = requiredString(value, 'id', path, label, problems);
  if (id !== undefined) identity.offeringId(id, joinPath(path, 'id'));
  const name = requiredString(value, 'name', path, label, problems);
  if (name !== undefined) {
    identity.offeringName(name, joinPath(path, 'name'));
    warnIfNotCliFriendly(name, joinPath(path, 'name'), label, problems);
  }
  requiredString(value, 'description', path, label, problems);
  if (isAbsent(value.bindable)) {
    problems.error(
      joinPath(path, 'bindable'),
      'missing-bindable',
      `${label} has no "bindable"; say true or false.`,
    );
  }
  for (const flag of ['bindable', ...OFFERING_FLAGS]) optionalBoolean(value, flag, path, label, problems);
  checkTags(value, path, label, problems);
  checkRequires(value, path, label, problems);
  checkMetadata(value, path, label, problems);
  checkDashboardClient(value, path, label, problems);
  checkPlans(value, path, label, context);
}

function checkPlans(offering: JsonRecord, path: string, label: string, context: CheckContext): void {
  const plans = offering.plans;
  const at = joinPath(path, 'plans');
  if (!Array.isArray(plans)) {
    if (isAbsent(plans)) {
      context.problems.error(at, 'missing-plans', `${label} has no plans; an offering needs at least one.`);
    } else {
      context.problems.error(
        at,
        'invalid-plans',
        `${label}: "plans" must be an array; got ${describeValue(plans)}.`,
      );
    }
    return;
  }
  if (plans.length === 0)
    context.problems.error(
      at,
      'missing-plans',
      `${label} has an empty plan list; an offering needs at least one plan.`,
    );
  const names = new Map<string, string>();
  for (const [index, plan] of plans.entries()) checkPlan(offering, plan, joinPath(at, index), names, context);
}

function checkPlan(
  offering: JsonRecord,
  value: unknown,
  path: string,
  names: Map<string, string>,
  context: CheckContext,
): void {
  const { problems, identity } = context;
  if (!isRecord(value)) {
    problems.error(
      path,
      'invalid-plan',
      `Every entry of "plans" must be a plan object; got ${describeValue(value)}.`,
    );
    return;
  }
  const label = labelOf('Plan', value, path);
  const id = requiredString(value, 'id', path, label, problems);
  if (id !== undefined) identity.planId(id, joinPath(path, 'id'));
  const name = requiredString(value, 'name', path, label, problems);
  if (name !== undefined) {
    identity.planName(names, name, joinPath(path, 'name'));
    warnIfNotCliFriendly(name, joinPath(path, 'name'), label, problems);
  }
  requiredString(value, 'description', path, label, problems);
  for (const flag of PLAN_FLAGS) optionalBoolean(value, flag, path, label, problems);
  checkMetadata(value, path, label, problems);
  checkMaintenanceInfo(value, path, label, problems);
  checkMaximumPollingDuration(value, path, label, problems);
  checkPlanSchemas(value.schemas, joinPath(path, 'schemas'), label, problems);
  if (context.sharing) checkSharingRules(offering, value, path, label, problems);
}
