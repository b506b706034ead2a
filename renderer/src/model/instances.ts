import type {
  BindInput,
  MarketplaceOffering,
  PlatformBindingView,
  PlatformInstanceView,
  UpdateInput,
} from '../../../main/servers/platform/api-types';
import type { InstanceView } from '../../../main/servers/sm/api-types';
import { apiPath, getItems, request } from './http';
import { useSeenAny } from './live';
import { getMarketplace, getPlatformNames, provision } from './platforms';
import { useLoad } from './use-load';

export interface InstanceRow extends PlatformInstanceView {
  platform: string;
  bindings: PlatformBindingView[];
  shared: boolean;
  referencedInstanceId: string | undefined;
  /** The instance's offering as its platform's marketplace shows it (plans with their schemas). */
  offering: MarketplaceOffering | undefined;
}

export interface InstancesData {
  platforms: string[];
  instances: InstanceRow[];
}

async function platformInstances(platform: string, sm: Map<string, InstanceView>): Promise<InstanceRow[]> {
  const [instances, bindings, marketplace] = await Promise.all([
    getItems<PlatformInstanceView>(apiPath`/api/platforms/${platform}/service_instances`),
    getItems<PlatformBindingView>(apiPath`/api/platforms/${platform}/service_bindings`),
    getMarketplace(platform),
  ]);
  return instances.map((instance) => ({
    ...instance,
    platform,
    bindings: bindings.filter((binding) => binding.service_instance_id === instance.id),
    shared: sm.get(instance.id)?.shared === true,
    referencedInstanceId: sm.get(instance.id)?.referenced_instance_id,
    offering: marketplace.find((offering) => offering.name === instance.service),
  }));
}

/** Every instance of every platform with its bindings, and the sharing the SM records between them. */
async function getInstances(): Promise<InstancesData> {
  const [platforms, smInstances] = await Promise.all([
    getPlatformNames(),
    getItems<InstanceView>('/api/sm/service_instances'),
  ]);
  const sm = new Map(smInstances.map((instance) => [instance.id, instance]));
  const instances = (await Promise.all(platforms.map((platform) => platformInstances(platform, sm)))).flat();
  return { platforms, instances };
}

export const useInstances = () =>
  useLoad(getInstances, useSeenAny('platform.instance', 'platform.binding', 'sm.instance', 'sm.sharing'));

export const updateInstance = (instance: InstanceRow, changes: UpdateInput) =>
  request('PATCH', apiPath`/api/platforms/${instance.platform}/service_instances/${instance.id}`, changes);

export const deprovision = (instance: InstanceRow) =>
  request('DELETE', apiPath`/api/platforms/${instance.platform}/service_instances/${instance.id}`);

export const bind = (instance: InstanceRow, binding: Omit<BindInput, 'service_instance_id'>) =>
  request('POST', apiPath`/api/platforms/${instance.platform}/service_bindings`, {
    ...binding,
    service_instance_id: instance.id,
  });

export const unbind = (instance: InstanceRow, bindingId: string) =>
  request('DELETE', apiPath`/api/platforms/${instance.platform}/service_bindings/${bindingId}`);

/** Shares an instance with the other platforms, or stops sharing it (at the SM). */
export const share = (instance: InstanceRow, shared: boolean) =>
  request('PATCH', apiPath`/api/sm/service_instances/${instance.id}`, { shared });

/** Provisions on `platform` a reference to a shared instance. */
export const reference = (instance: InstanceRow, platform: string) =>
  provision(platform, {
    name: `${instance.name}-ref`,
    service: instance.service,
    plan: 'reference-instance',
    parameters: { referenced_instance_id: instance.id },
  });
