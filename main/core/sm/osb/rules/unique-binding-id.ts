import { conflict } from '../../../errors';
import { bindingIdUse, bindingRequest } from '../requests';
import type { OsbRule } from './types';

/**
 * Binding ids are unique in the SM, across instances and platforms (409); the same platform re-sending an
 * identical bind is forwarded.
 */
export const uniqueBindingId: OsbRule = {
  name: 'unique-binding-id',
  operations: ['bind'],
  check({ job, state }) {
    const id = job.route.bindingId!;
    if (bindingIdUse(state, id, job.platform, bindingRequest(job)) === 'taken')
      throw conflict(`The service binding id ${id} is already used. Choose another id.`);
  },
};
