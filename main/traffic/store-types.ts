import type { EventBus } from '../core/events';
import type { SecretPolicy } from '../core/secrets';
import type { FlowFilter } from './flows';
import type { FlowSummary } from './types';

export const DEFAULT_BUFFER_SIZE = 100_000;
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
export const DEFAULT_MAX_BUFFER_BYTES = 512 * 1024 * 1024;
export const DEFAULT_LIST_LIMIT = 100;
export const MAX_LIST_LIMIT = 1000;

export interface TrafficStoreOptions {
  /** Exchanges kept; the oldest is evicted first. */
  capacity?: number;
  /** Per body; a larger one is stored as a truncation marker. */
  maxBodyBytes?: number;
  /** Rough total of the stored exchanges; past it the oldest are evicted even below `capacity`. */
  maxBufferBytes?: number;
  /** JSON keys (and header names) redacted besides the built-in ones. */
  redact?: readonly string[];
  /** The simulator's one secret policy (core/secrets.ts); else one built from `redact`. */
  secrets?: SecretPolicy;
  /**
   * Gets `traffic.started` (a request went out, its answer pending), `traffic.exchange` (an exchange
   * complete), `traffic.note`, `traffic.cleared` and `traffic.state`.
   */
  events?: EventBus;
}

export interface FlowQuery extends FlowFilter {
  limit?: number;
  /** Only flows older than this flow seq (the `next` of the previous page). */
  before?: number;
}

export interface FlowPage {
  items: FlowSummary[];
  /** `before` for the next page; null when this page is the last. */
  next: number | null;
  /** Flows held, whatever the filter. */
  total: number;
}

export interface TrafficState {
  paused: boolean;
  size: number;
  capacity: number;
  flows: number;
  bytes: number;
  maxBytes: number;
}
