import { isRecord, type JsonRecord, joinPath, type ProblemList } from './problems';

/** The plan the Service Manager adds to every offering with a shareable plan; brokers may not use its name. */
export const REFERENCE_PLAN_NAME = 'reference-instance';

/** A plan says `bindable` itself or inherits it from its offering. */
const isBindable = (offering: JsonRecord, plan: JsonRecord) =>
  typeof plan.bindable === 'boolean' ? plan.bindable : offering.bindable === true;

/** The Service Manager's instance-sharing rules for one plan. */
export function checkSharingRules(
  offering: JsonRecord,
  plan: JsonRecord,
  path: string,
  label: string,
  problems: ProblemList,
): void {
  if (plan.name === REFERENCE_PLAN_NAME) {
    problems.error(
      joinPath(path, 'name'),
      'reserved-plan-name',
      `Plan name "${REFERENCE_PLAN_NAME}" is reserved: the Service Manager adds a plan of that name to offerings with shareable plans. Rename the plan.`,
    );
  }
  if (
    isRecord(plan.metadata) &&
    plan.metadata.supportsInstanceSharing === true &&
    !isBindable(offering, plan)
  ) {
    problems.error(
      joinPath(joinPath(path, 'metadata'), 'supportsInstanceSharing'),
      'shareable-plan-not-bindable',
      `${label} supports instance sharing but is not bindable; a shared instance is used only through bindings, so make the plan bindable or drop supportsInstanceSharing.`,
    );
  }
}
