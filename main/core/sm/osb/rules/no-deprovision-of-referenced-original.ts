import { badRequest } from '../../../errors';
import { findById } from '../../../record-index';
import { describeHolders, referencesTo } from '../../sharing/holders';
import type { OsbRule } from './types';

/**
 * Under `sharing.onDeleteWithReferences: "reject"` (Peripli's rule), the original of a shared instance is not
 * deprovisioned while references to it exist (400 naming them). Under `"detach"` only its record goes.
 */
export const noDeprovisionOfReferencedOriginal: OsbRule = {
  name: 'no-deprovision-of-referenced-original',
  operations: ['deprovision'],
  check({ job, state, onDeleteWithReferences }) {
    if (onDeleteWithReferences !== 'reject') return;
    const instance = findById(state.instances, job.route.instanceId!);
    if (!instance || instance.referenced_instance_id) return;
    const references = referencesTo(state, instance.id);
    if (references.length === 0) return;
    throw badRequest(
      `Service instance ${instance.name || instance.id} is shared and still referenced by ${describeHolders(state, references)}. ` +
        'Deprovision the references first.',
    );
  },
};
