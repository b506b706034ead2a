import { getItems, getJson } from '../api';

export interface SmBroker {
  id: string;
  name: string;
  description?: string;
  broker_url: string;
  ready: boolean;
}

export interface SmOffering {
  id: string;
  name: string;
  description: string;
  broker_id: string;
}

export interface SmPlan {
  id: string;
  name: string;
  description: string;
  free?: boolean;
  service_offering_id: string;
}

interface DiffLists {
  added: string[];
  removed: string[];
  changed: string[];
}

/** One catalog fetch (`GET /api/catalog-refreshes`; the SM's `CatalogRefresh`). */
export interface CatalogRefresh {
  id: number;
  broker_id: string;
  broker_name: string;
  mode: 'soft' | 'forced';
  trigger: string;
  started_at: string;
  duration_ms: number;
  result: string;
  description?: string;
  problems?: Array<{ severity: 'error' | 'warning'; path: string; code: string; message: string }>;
  diff?: { offerings: DiffLists; plans: DiffLists };
}

export interface CatalogData {
  brokers: SmBroker[];
  offerings: SmOffering[];
  plans: SmPlan[];
  refreshes: CatalogRefresh[];
  nextScheduledAt: string | null;
}

/** The SM's brokers, offerings and plans (through the control server's `/api/sm` proxy) and the refreshes. */
export async function getCatalog(): Promise<CatalogData> {
  const [brokers, offerings, plans, history] = await Promise.all([
    getItems<SmBroker>('/api/sm/service_brokers'),
    getItems<SmOffering>('/api/sm/service_offerings'),
    getItems<SmPlan>('/api/sm/service_plans'),
    getJson<{ items: CatalogRefresh[]; next_scheduled_at: string | null }>('/api/catalog-refreshes'),
  ]);
  return { brokers, offerings, plans, refreshes: history.items, nextScheduledAt: history.next_scheduled_at };
}
