import type { EventBus } from '../../events';
import type { InstanceRecord, SmState } from '../model';
import { referencesTo } from './holders';

export type SharingAction =
  | 'shared'
  | 'unshared'
  | 'reference-created'
  | 'reference-removed'
  | 'detached'
  | 'last-holder-gone';

const platformName = (state: SmState, id: string) =>
  state.platforms.find((platform) => platform.id === id)?.name ?? id;

/**
 * `sm.sharing`: one step of instance sharing, with the shared instance's id, the references left after the
 * step, and the platform the step came from.
 */
export function emitSharing(
  events: EventBus,
  state: SmState,
  action: SharingAction,
  instanceId: string,
  subject: InstanceRecord,
): void {
  events.emit('sm.sharing', {
    action,
    instance: instanceId,
    subject: subject.id,
    platform: platformName(state, subject.platform_id),
    references: referencesTo(state, instanceId).map((reference) => reference.id),
  });
}

/** What `GET /api/sharing` shows: every shared broker instance with its holders and their platforms. */
export function sharingView(state: SmState) {
  const sharedIds = new Set([
    ...state.instances.filter((instance) => instance.shared).map((instance) => instance.id),
    ...state.instances.flatMap((instance) => instance.referenced_instance_id ?? []),
  ]);
  return [...sharedIds].map((id) => {
    const original = state.instances.find((instance) => instance.id === id);
    const holder = (instance: InstanceRecord) => ({
      id: instance.id,
      name: instance.name,
      platform_id: instance.platform_id,
      platform: platformName(state, instance.platform_id),
    });
    return {
      id,
      name: original?.name ?? '',
      shared: original?.shared ?? true,
      detached: !original,
      original: original ? holder(original) : null,
      references: referencesTo(state, id).map(holder),
    };
  });
}
