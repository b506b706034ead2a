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
import { getMarketplace, getPlatforms, provision } from './platforms';
import { useLoad } from './use-load';

/** The original of a shared instance whose SM record went (detached) while references remained. */
export interface DetachedOriginal {
  id: string;
  name: string;
  /** Where it was; undefined for references made before the SM kept it. */
  platform: string | undefined;
}

export interface InstanceRow extends PlatformInstanceView {
  platform: string;
  bindings: PlatformBindingView[];
  shared: boolean;
  referencedInstanceId: string | undefined;
  /** Set on a reference whose original is gone from the SM: the broker still holds the instance. */
  detachedOriginal: DetachedOriginal | undefined;
  /** The instance's offering as its platform's marketplace shows it (plans with their schemas). */
  offering: MarketplaceOffering | undefined;
}

export interface InstancesData {
  platforms: string[];
  instances: InstanceRow[];
}

/** What the SM knows of a platform's instances, and the platform names by SM id. */
interface SmSide {
  instances: Map<string, InstanceView>;
  platformNames: Map<string, string>;
}

/** The reference's copy of its original, when the original's SM record went while the reference stayed. */
function detachedOriginalOf(record: InstanceView | undefined, sm: SmSide): DetachedOriginal | undefined {
  const id = record?.referenced_instance_id;
  if (!id || sm.instances.has(id)) return undefined;
  const copy = record.shared_instance;
  return {
    id,
    name: copy?.name || id,
    platform: copy?.platform_id ? sm.platformNames.get(copy.platform_id) : undefined,
  };
}

async function platformInstances(platform: string, sm: SmSide): Promise<InstanceRow[]> {
  const [instances, bindings, marketplace] = await Promise.all([
    getItems<PlatformInstanceView>(apiPath`/api/platforms/${platform}/service_instances`),
    getItems<PlatformBindingView>(apiPath`/api/platforms/${platform}/service_bindings`),
    getMarketplace(platform),
  ]);
  return instances.map((instance) => {
    const record = sm.instances.get(instance.id);
    return {
      ...instance,
      platform,
      bindings: bindings.filter((binding) => binding.service_instance_id === instance.id),
      shared: record?.shared === true,
      referencedInstanceId: record?.referenced_instance_id,
      detachedOriginal: detachedOriginalOf(record, sm),
      offering: marketplace.find((offering) => offering.name === instance.service),
    };
  });
}

/** Every instance of every platform with its bindings, and the sharing the SM records between them. */
async function getInstances(): Promise<InstancesData> {
  const [summaries, smInstances] = await Promise.all([
    getPlatforms(),
    getItems<InstanceView>('/api/sm/service_instances'),
  ]);
  const sm: SmSide = {
    instances: new Map(smInstances.map((instance) => [instance.id, instance])),
    platformNames: new Map(summaries.flatMap(({ id, name }) => (id ? [[id, name] as const] : []))),
  };
  const platforms = summaries.map((platform) => platform.name);
  const instances = (await Promise.all(platforms.map((platform) => platformInstances(platform, sm)))).flat();
  return { platforms, instances };
}

export const useInstances = () =>
  useLoad(getInstances, useSeenAny('platform.instance', 'platform.binding', 'sm.instance', 'sm.sharing'));

export const updateInstance = (instance: InstanceRow, changes: UpdateInput) =>
  request<PlatformInstanceView>(
    'PATCH',
    apiPath`/api/platforms/${instance.platform}/service_instances/${instance.id}`,
    changes,
  );

export const deprovision = (instance: InstanceRow) =>
  request<PlatformInstanceView>(
    'DELETE',
    apiPath`/api/platforms/${instance.platform}/service_instances/${instance.id}`,
  );

export const bind = (instance: InstanceRow, binding: Omit<BindInput, 'service_instance_id'>) =>
  request<PlatformBindingView>('POST', apiPath`/api/platforms/${instance.platform}/service_bindings`, {
    ...binding,
    service_instance_id: instance.id,
  });

export const unbind = (instance: InstanceRow, bindingId: string) =>
  request('DELETE', apiPath`/api/platforms/${instance.platform}/service_bindings/${bindingId}`);

/**
 * Shares an instance with the other platforms, or stops sharing it: its platform asks the SM, as a user of
 * that platform would, so a refusal reads "The Service Manager refused: …".
 */
export const share = (instance: InstanceRow, shared: boolean) =>
  request(
    'POST',
    apiPath`/api/platforms/${instance.platform}/service_instances/${instance.id}/${shared ? 'share' : 'unshare'}`,
  );

/** Provisions on `platform` a reference to a shared instance. */
export const reference = (instance: InstanceRow, platform: string) =>
  provision(platform, {
    name: `${instance.name}-ref`,
    service: instance.service,
    plan: 'reference-instance',
    parameters: { referenced_instance_id: instance.id },
  });
