import type { z } from 'zod';
import type { CatalogRefresh } from '../../core/sm/catalog/refresh-record';
import type { smInputs } from '../../core/sm/inputs';
import type { InstanceRecord, VisibilityRecord } from '../../core/sm/model';
import type { publicBroker } from '../../core/sm/redact';

/** What the SM's `/v1` lists hold (read by the UI through the control server's `/api/sm`). */
export type BrokerView = ReturnType<typeof publicBroker>;
export type { OfferingView, PlanView } from '../../core/sm/catalog/views';
/** An instance as `/v1/service_instances` shows it: not the rollback copy kept for failed updates. */
export type InstanceView = Omit<InstanceRecord, 'previous'>;
export type VisibilityView = VisibilityRecord;
export type { CatalogRefresh };

/** `GET /api/catalog-refreshes`: the refreshes, newest first, and when the next scheduled one is due. */
export interface CatalogRefreshHistory {
  items: CatalogRefresh[];
  next_scheduled_at: string | null;
}

/** The bodies `/v1/service_brokers` (POST, PATCH) and `/v1/visibilities` (POST) take. */
type SmInputs = ReturnType<typeof smInputs>;
export type BrokerCreateInput = z.input<SmInputs['brokerCreate']>;
export type BrokerPatchInput = z.input<SmInputs['brokerPatch']>;
export type VisibilityCreateInput = z.input<SmInputs['visibilityCreate']>;
