// The two functions, not semver's whole index (~20 ms of module loading at every start).
import semverEq from 'semver/functions/eq.js';
import validSemver from 'semver/functions/valid.js';
import { badRequest } from '../errors';
import type { CatalogPlan } from './catalog-types';
import { maintenanceInfoConflict } from './osb-errors';

/** Throws when a request's `maintenance_info` does not match the plan's; returns the version to keep. */
export function checkMaintenanceInfo(
  plan: CatalogPlan,
  requested: { version: string } | undefined,
): string | null {
  const current = plan.maintenance_info?.version ?? null;
  if (!requested) return current;
  if (!validSemver(requested.version)) {
    throw badRequest(`maintenance_info.version "${requested.version}" is not a SemVer version.`);
  }
  if (current === null) {
    throw maintenanceInfoConflict(`The plan ${plan.name} has no maintenance_info; send none.`);
  }
  if (!semverEq(requested.version, current)) {
    throw maintenanceInfoConflict(
      `maintenance_info.version ${requested.version} does not match the plan's ${current}; fetch the catalog again.`,
    );
  }
  return current;
}
