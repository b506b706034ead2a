import type { InstanceRecord, PlatformRecord, SmState } from '../model';

/** The broker instance a record stands for: its own id, or the shared instance a reference points to. */
export const brokerInstanceIdOf = (instance: InstanceRecord): string =>
  instance.referenced_instance_id ?? instance.id;

/** The references to the shared broker instance `sharedId`. */
export const referencesTo = (state: SmState, sharedId: string): InstanceRecord[] =>
  state.instances.filter((instance) => instance.referenced_instance_id === sharedId);

/** Every holder of the shared broker instance: the original record (while it exists) and every reference. */
export function holdersOf(state: SmState, sharedId: string): InstanceRecord[] {
  const original = state.instances.find((instance) => instance.id === sharedId);
  return [...(original ? [original] : []), ...referencesTo(state, sharedId)];
}

/** `name (id) on platform` for messages. */
export function describeHolders(state: SmState, holders: readonly InstanceRecord[]): string {
  const platformName = (id: string) =>
    state.platforms.find((platform: PlatformRecord) => platform.id === id)?.name ?? id;
  return holders
    .map(
      (holder) =>
        `${holder.name || holder.id} (${holder.id}) on platform "${platformName(holder.platform_id)}"`,
    )
    .join(', ');
}

/** The plans of instances that are shared now. */
export const sharedPlanIds = (state: SmState): Set<string> =>
  new Set(state.instances.filter((instance) => instance.shared).map((instance) => instance.service_plan_id));
