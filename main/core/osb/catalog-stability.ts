import type { Catalog, Offering, Plan } from './catalog-types';
import { type CatalogProblem, describeValue, joinPath, ProblemList } from './problems';

const CHANGED = 'catalog-changed-between-fetches';

const byName = <T extends { name: string }>(items: readonly T[]) =>
  new Map(items.map((item) => [item.name, item]));

const changed = (what: string, how: 'new in' | 'missing from') =>
  `${what} is ${how} the second fetch; a catalog should not change between two fetches in a row.`;

function compareIds(
  kind: 'Offering' | 'Plan',
  earlier: Offering | Plan,
  later: Offering | Plan,
  path: string,
  problems: ProblemList,
) {
  if (earlier.id === later.id) return;
  problems.error(
    joinPath(path, 'id'),
    kind === 'Offering' ? 'unstable-offering-id' : 'unstable-plan-id',
    `${kind} ${describeValue(later.name)} had id ${describeValue(earlier.id)} in the first fetch and ${describeValue(later.id)} in the second; ids must never change, or platforms lose track of existing instances.`,
  );
}

/**
 * Compares two fetches of one broker's catalog (`smsim check`): offerings matched by name, and plans by offering
 * and plan name, must keep their ids (errors); entries in only one fetch are warnings. Paths point into `second`.
 */
export function compareCatalogIds(first: Catalog, second: Catalog): CatalogProblem[] {
  const problems = new ProblemList();
  const earlierOfferings = byName(first.services);
  for (const [index, offering] of second.services.entries()) {
    const path = joinPath('services', index);
    const offeringName = describeValue(offering.name);
    const earlier = earlierOfferings.get(offering.name);
    earlierOfferings.delete(offering.name);
    if (!earlier) {
      problems.warning(path, CHANGED, changed(`Offering ${offeringName}`, 'new in'));
      continue;
    }
    compareIds('Offering', earlier, offering, path, problems);
    const earlierPlans = byName(earlier.plans);
    for (const [planIndex, plan] of offering.plans.entries()) {
      const planPath = joinPath(joinPath(path, 'plans'), planIndex);
      const earlierPlan = earlierPlans.get(plan.name);
      earlierPlans.delete(plan.name);
      if (earlierPlan) compareIds('Plan', earlierPlan, plan, planPath, problems);
      else
        problems.warning(
          planPath,
          CHANGED,
          changed(`Plan ${describeValue(plan.name)} of offering ${offeringName}`, 'new in'),
        );
    }
    for (const name of earlierPlans.keys()) {
      problems.warning(
        joinPath(path, 'plans'),
        CHANGED,
        changed(`Plan ${describeValue(name)} of offering ${offeringName}`, 'missing from'),
      );
    }
  }
  for (const name of earlierOfferings.keys()) {
    problems.warning('services', CHANGED, changed(`Offering ${describeValue(name)}`, 'missing from'));
  }
  return problems.items;
}
