import type { OperationRecord } from '../../model';
import { refuseActiveOperation } from './one-operation-at-a-time';
import type { OsbRule } from './types';

/**
 * A delete (deprovision, unbind) is refused with 422 only while a call of ours waits on the broker for the
 * resource. An operation nobody waits on (accepted and never ended, or left by a crash) does not block it:
 * that is how a platform removes what it gave up on (orphan mitigation); the delete supersedes it.
 */
export const noDeleteWhileBrokerBusy: OsbRule = {
  name: 'no-delete-while-broker-busy',
  operations: ['deprovision', 'unbind'],
  check({ job, state, busy }) {
    const { route } = job;
    const abandoned = (running: OperationRecord) => !busy(running.id);
    if (route.operation === 'unbind') refuseActiveOperation(state, 'binding', route.bindingId!, abandoned);
    else refuseActiveOperation(state, 'instance', route.instanceId!, abandoned);
  },
};
