import { osbOperations } from '../../../../../shared/osb-operations';
import { notFound } from '../../../errors';
import { findById } from '../../../record-index';
import type { PlatformRecord } from '../../model';
import type { OsbRule } from './types';

export const missingInstance = (id: string, platform: Pick<PlatformRecord, 'name'>) =>
  notFound(`Platform "${platform.name}" has no service instance ${id}.`);

/**
 * An instance belongs to the platform that made it: another platform's is answered as missing (404). A
 * reference is its holder's own record: the calls on it reach the broker as calls on the shared instance
 * (see `sharedTarget` in references.ts).
 */
export const ownInstance: OsbRule = {
  name: 'own-instance',
  // Every operation on an existing instance: all but the catalog and the provision that creates it.
  operations: osbOperations.filter((operation) => operation !== 'catalog' && operation !== 'provision'),
  check({ job, state }) {
    const id = job.route.instanceId!;
    const instance = findById(state.instances, id);
    if (instance && instance.platform_id !== job.platform.id) throw missingInstance(id, job.platform);
  },
};
