import { notFound } from '../../../errors';
import { findById } from '../../../record-index';
import type { OsbRule } from './types';

/** A binding belongs to the platform that made it, under its instance: else it is answered as missing (404). */
export const ownBinding: OsbRule = {
  name: 'own-binding',
  operations: ['unbind', 'fetchBinding', 'bindingLastOperation'],
  check({ job, state }) {
    const { instanceId, bindingId } = job.route as { instanceId: string; bindingId: string };
    const binding = findById(state.bindings, bindingId);
    if (binding && (binding.platform_id !== job.platform.id || binding.service_instance_id !== instanceId)) {
      throw notFound(
        `Platform "${job.platform.name}" has no service binding ${bindingId} of service instance ${instanceId}.`,
      );
    }
  },
};
