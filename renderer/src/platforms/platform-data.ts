import { getItems } from '../api';

type Schema = Record<string, unknown>;

export interface MarketplacePlan {
  id: string;
  name: string;
  description: string;
  free?: boolean;
  schemas?: {
    service_instance?: { create?: { parameters?: Schema }; update?: { parameters?: Schema } };
    service_binding?: { create?: { parameters?: Schema } };
  };
}

export interface MarketplaceOffering {
  id: string;
  name: string;
  description: string;
  broker: string;
  plans: MarketplacePlan[];
}

export interface PlatformInfo {
  name: string;
  type: string;
  id: string;
  url: string;
  proxyCredentials: { username: string; password: string };
  connection: string;
}

export interface PlatformBroker {
  name: string;
  sm_broker_id: string;
  broker_url: string;
}

export interface Visibility {
  sm_plan_id: string;
  plan_id: string;
  organizations: string[] | null;
}

export interface PlatformData {
  marketplace: MarketplaceOffering[];
  brokers: PlatformBroker[];
  visibilities: Visibility[];
}

export const getPlatforms = () => getItems<PlatformInfo>('/api/platforms');

/** What one platform sees and has registered (`/api/platforms/<name>/*`). */
export async function getPlatformData(name: string): Promise<PlatformData> {
  const base = `/api/platforms/${encodeURIComponent(name)}`;
  const [marketplace, brokers, visibilities] = await Promise.all([
    getItems<MarketplaceOffering>(`${base}/marketplace`),
    getItems<PlatformBroker>(`${base}/service_brokers`),
    getItems<Visibility>(`${base}/visibilities`),
  ]);
  return { marketplace, brokers, visibilities };
}
