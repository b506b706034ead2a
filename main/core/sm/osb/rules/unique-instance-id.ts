import { conflict } from '../../../errors';
import { instanceIdUse, instanceRequest } from '../requests';
import type { OsbRule } from './types';

/**
 * Instance ids are unique in the SM, across brokers and platforms (409); the same platform re-sending an
 * identical provision is forwarded.
 */
export const uniqueInstanceId: OsbRule = {
  name: 'unique-instance-id',
  operations: ['provision'],
  check(call) {
    const id = call.job.route.instanceId!;
    if (instanceIdUse(call.state, id, call.job.platform, instanceRequest(call)) === 'taken')
      throw conflict(`The service instance id ${id} is already used. Choose another id.`);
  },
};
