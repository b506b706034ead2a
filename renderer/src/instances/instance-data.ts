import { getItems } from '../api';
import { getPlatformNames } from '../platform-names';
import type { MarketplaceOffering } from '../platforms/platform-data';

export interface PlatformInstance {
  id: string;
  name: string;
  service: string;
  plan: string;
  state: string;
  last_operation?: { description?: string };
}

export interface PlatformBinding {
  id: string;
  name: string;
  service_instance_id: string;
}

/** The SM's record of an instance: whether it is shared, or which shared instance it references. */
interface SmInstance {
  id: string;
  shared?: boolean;
  referenced_instance_id?: string;
}

export interface InstanceRow extends PlatformInstance {
  platform: string;
  bindings: PlatformBinding[];
  shared: boolean;
  referencedInstanceId: string | undefined;
  /** The instance's offering as its platform's marketplace shows it (plans with their schemas). */
  offering: MarketplaceOffering | undefined;
}

export interface InstancesData {
  platforms: string[];
  instances: InstanceRow[];
}

async function platformInstances(platform: string, sm: Map<string, SmInstance>): Promise<InstanceRow[]> {
  const base = `/api/platforms/${encodeURIComponent(platform)}`;
  const [instances, bindings, marketplace] = await Promise.all([
    getItems<PlatformInstance>(`${base}/service_instances`),
    getItems<PlatformBinding>(`${base}/service_bindings`),
    getItems<MarketplaceOffering>(`${base}/marketplace`),
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
export async function getInstances(): Promise<InstancesData> {
  const [platforms, smInstances] = await Promise.all([
    getPlatformNames(),
    getItems<SmInstance>('/api/sm/service_instances'),
  ]);
  const sm = new Map(smInstances.map((instance) => [instance.id, instance]));
  const instances = (await Promise.all(platforms.map((platform) => platformInstances(platform, sm)))).flat();
  return { platforms, instances };
}
