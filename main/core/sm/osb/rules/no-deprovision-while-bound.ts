import { ApiError } from '../../../errors';
import { findById } from '../../../record-index';
import type { OsbRule } from './types';

/** No deprovision while bindings exist (412 naming them): they would be orphaned at the broker. */
export const noDeprovisionWhileBound: OsbRule = {
  name: 'no-deprovision-while-bound',
  operations: ['deprovision'],
  check({ job, state }) {
    const instance = findById(state.instances, job.route.instanceId!);
    if (!instance) return;
    const bindings = state.bindings.filter((binding) => binding.service_instance_id === instance.id);
    if (bindings.length === 0) return;
    const named = bindings
      .slice(0, 10)
      .map((binding) => (binding.name ? `${binding.name} (${binding.id})` : binding.id));
    throw new ApiError(
      412,
      'PreconditionFailed',
      `Service instance ${instance.name || instance.id} still has ${bindings.length} binding(s): ${named.join(', ')}` +
        `${bindings.length > named.length ? ', ...' : ''}. Unbind them first.`,
    );
  },
};
