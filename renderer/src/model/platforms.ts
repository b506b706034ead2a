import { useCallback } from 'react';
import type {
  MarketplaceOffering,
  PlanVisibility,
  PlatformInstanceView,
  PlatformSummary,
  ProvisionInput,
  RegisteredBroker,
} from '../../../main/servers/platform/api-types';
import { apiPath, getItems, request } from './http';
import { useSeen, useSeenAny } from './live';
import { useLoad } from './use-load';

/** What one platform sees and has registered (`/api/platforms/<name>/*`). */
interface PlatformData {
  marketplace: MarketplaceOffering[];
  brokers: RegisteredBroker[];
  visibilities: PlanVisibility[];
}

export const getPlatforms = () => getItems<PlatformSummary>('/api/platforms');

/** The names of the running platforms. */
export const getPlatformNames = async () => (await getPlatforms()).map((platform) => platform.name);

export const usePlatforms = () => useLoad(getPlatforms, useSeen('platform.connection'));

export const usePlatformNames = () => useLoad(getPlatformNames);

export const getMarketplace = (platform: string) =>
  getItems<MarketplaceOffering>(apiPath`/api/platforms/${platform}/marketplace`);

async function getPlatformData(platform: string): Promise<PlatformData> {
  const [marketplace, brokers, visibilities] = await Promise.all([
    getMarketplace(platform),
    getItems<RegisteredBroker>(apiPath`/api/platforms/${platform}/service_brokers`),
    getItems<PlanVisibility>(apiPath`/api/platforms/${platform}/visibilities`),
  ]);
  return { marketplace, brokers, visibilities };
}

export function usePlatformData(platform: string) {
  const load = useCallback(() => getPlatformData(platform), [platform]);
  return useLoad(load, useSeenAny('platform.brokers', 'sm.visibility', 'catalog.refresh'));
}

/** Provisions an instance as a user of the platform would. */
export const provision = (platform: string, instance: ProvisionInput) =>
  request<PlatformInstanceView>('POST', apiPath`/api/platforms/${platform}/service_instances`, instance);
