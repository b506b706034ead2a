import { normalizeCatalog } from './catalog-normalize';
import type { Catalog } from './catalog-types';
import { type CheckContext, checkOffering } from './entry-checks';
import { IdentityChecks, type OtherBrokerIds } from './identity-checks';
import {
  type CatalogProblem,
  describeValue,
  isAbsent,
  isRecord,
  joinPath,
  ProblemList,
  ROOT_PATH,
} from './problems';

export { type CatalogDiff, type DiffLists, diffCatalogs } from './catalog-diff';
export { compareCatalogIds } from './catalog-stability';
export type { OtherBrokerIds } from './identity-checks';
export type { CatalogProblem } from './problems';

export interface ValidateCatalogOptions {
  /** Catalog ids used by the other registered brokers: OSB ids must be unique across brokers. */
  otherBrokerIds?: OtherBrokerIds;
  /** Apply the Service Manager's instance-sharing rules (shareable plans bindable, `reference-instance` reserved). */
  sharing?: boolean;
}

export interface CatalogValidation {
  /** Present only when there are no errors: a copy of the input without optional fields sent as `null`. */
  catalog?: Catalog;
  problems: CatalogProblem[];
}

/**
 * Checks a `GET /v2/catalog` body against OSB 2.17 (the conformance checklist's Catalog items) and, with
 * `sharing`, the Service Manager's rules. Never throws: every finding is a problem with a path and a code.
 */
export function validateCatalog(input: unknown, options: ValidateCatalogOptions = {}): CatalogValidation {
  const problems = new ProblemList();
  if (!isRecord(input)) {
    problems.error(
      ROOT_PATH,
      'invalid-catalog',
      `The catalog must be a JSON object with a "services" array; got ${describeValue(input)}.`,
    );
    return { problems: problems.items };
  }
  const services = input.services;
  if (!Array.isArray(services)) {
    problems.error(
      'services',
      'invalid-services',
      isAbsent(services)
        ? 'The catalog has no "services"; answer {"services": [...]} (an empty list is allowed).'
        : `"services" must be an array of offerings; got ${describeValue(services)}.`,
    );
    return { problems: problems.items };
  }
  const context: CheckContext = {
    problems,
    identity: new IdentityChecks(problems, options.otherBrokerIds),
    sharing: options.sharing === true,
  };
  for (const [index, offering] of services.entries())
    checkOffering(offering, joinPath('services', index), context);
  if (problems.hasErrors()) return { problems: problems.items };
  return { catalog: normalizeCatalog({ ...input, services }), problems: problems.items };
}
