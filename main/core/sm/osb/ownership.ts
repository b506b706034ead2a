import { notFound } from '../../errors';
import { findById } from '../../record-index';
import type { BindingRecord, InstanceRecord, PlatformRecord, SmState } from '../model';

type Caller = Pick<PlatformRecord, 'id' | 'name'>;

const missingInstance = (id: string, platform: Caller) =>
  notFound(`Platform "${platform.name}" has no service instance ${id}.`);

/**
 * The stored instance `platform` may act on under this id; undefined when the SM knows no such instance.
 * Another platform's instance is answered as missing. A reference is its holder's own record: the calls on
 * it reach the broker as calls on the shared instance (see `sharedTarget` in references.ts).
 */
export function resolveInstanceForPlatform(
  state: SmState,
  instanceId: string,
  platform: Caller,
): InstanceRecord | undefined {
  const instance = findById(state.instances, instanceId);
  if (instance && instance.platform_id !== platform.id) throw missingInstance(instanceId, platform);
  return instance;
}

/** Like resolveInstanceForPlatform, and the instance must be known (bind: the broker is not called otherwise). */
export function requireInstanceForPlatform(
  state: SmState,
  instanceId: string,
  platform: Caller,
): InstanceRecord {
  const instance = resolveInstanceForPlatform(state, instanceId, platform);
  if (!instance) throw missingInstance(instanceId, platform);
  return instance;
}

/** The stored binding `platform` may act on under these ids; undefined when the SM knows no such binding. */
export function resolveBindingForPlatform(
  state: SmState,
  instanceId: string,
  bindingId: string,
  platform: Caller,
): BindingRecord | undefined {
  resolveInstanceForPlatform(state, instanceId, platform);
  const binding = findById(state.bindings, bindingId);
  if (binding && (binding.platform_id !== platform.id || binding.service_instance_id !== instanceId)) {
    throw notFound(
      `Platform "${platform.name}" has no service binding ${bindingId} of service instance ${instanceId}.`,
    );
  }
  return binding;
}
