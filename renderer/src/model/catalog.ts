import type {
  BrokerCreateInput,
  BrokerPatchInput,
  BrokerView,
  CatalogRefresh,
  CatalogRefreshHistory,
  OfferingView,
  PlanView,
} from '../../../main/servers/sm/api-types';
import { apiPath, getItems, getJson, request } from './http';
import { useSeen, useSeenAny } from './live';
import { useLoad } from './use-load';

export interface CatalogData {
  brokers: BrokerView[];
  offerings: OfferingView[];
  plans: PlanView[];
  refreshes: CatalogRefresh[];
  nextScheduledAt: string | null;
}

const getBrokers = () => getItems<BrokerView>('/api/sm/service_brokers');

/** The SM's brokers, offerings and plans (through the control server's `/api/sm` proxy) and the refreshes. */
export async function getCatalog(): Promise<CatalogData> {
  const [brokers, offerings, plans, history] = await Promise.all([
    getBrokers(),
    getItems<OfferingView>('/api/sm/service_offerings'),
    getItems<PlanView>('/api/sm/service_plans'),
    getJson<CatalogRefreshHistory>('/api/catalog-refreshes'),
  ]);
  return { brokers, offerings, plans, refreshes: history.items, nextScheduledAt: history.next_scheduled_at };
}

export const useCatalog = () => useLoad(getCatalog, useSeenAny('catalog.refresh', 'sm.broker'));

/** The registered brokers alone. */
export const useBrokers = () => useLoad(getBrokers, useSeen('sm.broker'));

/** Refreshes one broker's catalog, or with no broker every catalog. */
export const refreshCatalogs = (brokerId?: string) =>
  request('POST', '/api/catalog-refreshes', brokerId ? { broker_id: brokerId } : {});

export const registerBroker = (broker: BrokerCreateInput) =>
  request('POST', '/api/sm/service_brokers', broker);

export const updateBroker = (id: string, changes: BrokerPatchInput) =>
  request('PATCH', apiPath`/api/sm/service_brokers/${id}`, changes);

export const removeBroker = (id: string) => request('DELETE', apiPath`/api/sm/service_brokers/${id}`);
