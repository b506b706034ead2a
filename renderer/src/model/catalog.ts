import type {
  BrokerCreateInput,
  BrokerPatchInput,
  BrokerView,
  CatalogRefresh,
  CatalogRefreshHistory,
  OfferingView,
  PlanView,
  VisibilityView,
} from '../../../main/servers/sm/api-types';
import { apiPath, getJson, request } from './http';
import { useSeen, useSeenAny } from './live';
import { useLoad } from './use-load';

export interface CatalogData {
  brokers: BrokerView[];
  offerings: OfferingView[];
  plans: PlanView[];
  refreshes: CatalogRefresh[];
  nextScheduledAt: string | null;
}

/** The SM's largest page. */
const PAGE_SIZE = 200;

/** Every item of an SM list, page after page (a page holds at most 200). */
async function getEveryItem<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const query = new URLSearchParams({ max_items: String(PAGE_SIZE), ...(token ? { token } : {}) });
    const page = await getJson<{ items: T[]; token?: string }>(`${path}?${query}`);
    items.push(...page.items);
    token = page.token;
  } while (token);
  return items;
}

const getBrokers = () => getEveryItem<BrokerView>('/api/sm/service_brokers');

/** The SM's brokers, offerings and plans (through the control server's `/api/sm` proxy) and the refreshes. */
export async function getCatalog(): Promise<CatalogData> {
  const [brokers, offerings, plans, history] = await Promise.all([
    getBrokers(),
    getEveryItem<OfferingView>('/api/sm/service_offerings'),
    getEveryItem<PlanView>('/api/sm/service_plans'),
    getJson<CatalogRefreshHistory>('/api/catalog-refreshes'),
  ]);
  return { brokers, offerings, plans, refreshes: history.items, nextScheduledAt: history.next_scheduled_at };
}

export const useCatalog = () => useLoad(getCatalog, useSeenAny('catalog.refresh', 'sm.broker'));

/** The ids of the SM plans some platform may see (a visibility for every platform or for one). */
async function getPublishedPlanIds(): Promise<Set<string>> {
  const visibilities = await getEveryItem<VisibilityView>('/api/sm/visibilities');
  return new Set(visibilities.map((visibility) => visibility.service_plan_id));
}

export const usePublishedPlanIds = () =>
  useLoad(getPublishedPlanIds, useSeenAny('sm.visibility', 'sm.broker'));

/** Publishes every plan of a broker to every platform, as `smsim broker publish NAME` does. */
export const publishBroker = (name: string) => request('POST', apiPath`/api/brokers/${name}/publish`);

/** The registered brokers alone. */
export const useBrokers = () => useLoad(getBrokers, useSeen('sm.broker'));

/** Refreshes one broker's catalog, or with no broker every catalog. */
export const refreshCatalogs = async (brokerId?: string) =>
  (
    await request<{ items: CatalogRefresh[] }>(
      'POST',
      '/api/catalog-refreshes',
      brokerId ? { broker_id: brokerId } : {},
    )
  ).items;

export const registerBroker = (broker: BrokerCreateInput) =>
  request('POST', '/api/sm/service_brokers', broker);

export const updateBroker = (id: string, changes: BrokerPatchInput) =>
  request('PATCH', apiPath`/api/sm/service_brokers/${id}`, changes);

export const removeBroker = (id: string) => request('DELETE', apiPath`/api/sm/service_brokers/${id}`);
