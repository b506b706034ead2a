import type { EventBus } from '../../events';
import type { StateStore } from '../../state';
import type { BrokerClient } from '../broker-client';
import type { CatalogCache } from '../catalog/cache';
import type { BrokerRecord, PlatformRecord, SmState } from '../model';
import type { OsbPlugin } from '../plugins/types';
import type { MaintainerSettings } from './maintainer';
import type { DeleteWithReferences } from './references';

/** The OSB headers a platform sends that the SM passes on (the request identity becomes the flow id). */
export interface OsbHeaders {
  version?: string;
  originatingIdentity?: string;
  requestIdentity?: string;
}

/** One call of a platform's broker proxy to `/v1/osb/:broker_id/v2/...`, already authenticated. */
export interface OsbCall {
  platform: PlatformRecord;
  brokerId: string;
  method: string;
  /** Below `/v2`, e.g. `/service_instances/abc`, percent-encoding kept. */
  path: string;
  query: Record<string, string>;
  headers: OsbHeaders;
  body: unknown;
  flowId: string;
}

/** What goes back to the platform. `raw` is sent verbatim instead of `body` (a broker's non-JSON answer). */
export interface OsbAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
  raw?: string;
}

export interface OsbServiceDeps {
  store: StateStore<SmState>;
  catalog: CatalogCache;
  brokers: { record(id: string): BrokerRecord };
  client: BrokerClient;
  events: EventBus;
  plugins?: readonly OsbPlugin[];
  /** How long a broker may take before the platform gets 504. Default 30 000. */
  brokerTimeoutMs?: number;
  /** `detach` (default: only the original's record goes) or Peripli's `reject` (400 while references exist). */
  sharing?: { onDeleteWithReferences?: DeleteWithReferences };
  /** When the operation maintainer fails an operation nobody waits on. */
  operations?: MaintainerSettings;
}
