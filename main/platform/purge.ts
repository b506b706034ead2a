import type { PlatformRuntime } from './runtime';

/**
 * The instances of brokers the SM removed (a forced removal, or a broker whose failed instances the SM no
 * longer knew) can never be reached again, so the platform purges them and their bindings, as Cloud Foundry's
 * `purge-service-offering` does.
 */
export async function purgeRemovedBrokers(
  rt: PlatformRuntime,
  smBrokerIds: readonly string[],
): Promise<void> {
  const removed = new Set(smBrokerIds);
  for (const instance of rt.state.instances.filter((candidate) => removed.has(candidate.sm_broker_id))) {
    for (const binding of rt.state.bindings.filter(
      (candidate) => candidate.service_instance_id === instance.id,
    ))
      await rt.saveBinding(binding, 'deleted');
    await rt.saveInstance(instance, 'deleted');
  }
}
