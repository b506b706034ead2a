import { referencedOffering } from '../plans';
import { referencedInstance } from '../references';
import type { OsbRule } from './types';

/**
 * A provision of the `reference-instance` plan names exactly one shared instance of that offering, by
 * `parameters.referenced_instance_id` or `parameters.selectors` (400 for both or neither or one not shared,
 * 404 for none): see `resolveReferenceTarget`.
 */
export const referenceTarget: OsbRule = {
  name: 'reference-target',
  operations: ['provision'],
  check(call) {
    const offering = referencedOffering(call.catalog, call.job.broker, call.job.body.plan_id!);
    if (offering) referencedInstance(call, offering);
  },
};
