import { badRequest } from '../../../errors';
import { findById } from '../../../record-index';
import type { OsbRule } from './types';

/** An update of a reference is refused (400): a reference has nothing to change at the broker. */
export const noReferenceUpdate: OsbRule = {
  name: 'no-reference-update',
  operations: ['update'],
  check({ job, state }) {
    const instance = findById(state.instances, job.route.instanceId!);
    if (instance?.referenced_instance_id)
      throw badRequest(
        `Service instance ${instance.name || instance.id} is a reference to ${instance.referenced_instance_id}; it cannot be updated.`,
      );
  },
};
