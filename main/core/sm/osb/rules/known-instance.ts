import { findById } from '../../../record-index';
import { missingInstance } from './own-instance';
import type { OsbRule } from './types';

/**
 * Update and bind need an instance the SM knows (404 otherwise, the broker is not called). A deprovision,
 * fetch or poll of an unknown id is forwarded: that is how a platform cleans up an orphan.
 */
export const knownInstance: OsbRule = {
  name: 'known-instance',
  operations: ['update', 'bind'],
  check({ job, state }) {
    const id = job.route.instanceId!;
    if (!findById(state.instances, id)) throw missingInstance(id, job.platform);
  },
};
