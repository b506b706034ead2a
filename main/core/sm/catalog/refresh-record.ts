import type { CatalogDiff, CatalogProblem } from '../../osb/catalog-validation';

export type RefreshMode = 'soft' | 'forced';
export type RefreshTrigger = 'register' | 'patch' | 'schedule' | 'action' | 'manual' | 'start';
export type RefreshResult =
  | 'updated'
  | 'unchanged'
  | 'invalid'
  | 'unreachable'
  /** The broker answered an error status or a redirect. */
  | 'refused'
  /** The broker answered 200 with a body that is not JSON. */
  | 'malformed'
  | 'timeout'
  | 'error'
  | 'conflict';

/** One catalog fetch of one broker, as the Catalog view and `GET /api/catalog-refreshes` show it. */
export interface CatalogRefresh {
  id: number;
  broker_id: string;
  broker_name: string;
  mode: RefreshMode;
  trigger: RefreshTrigger;
  started_at: string;
  duration_ms: number;
  result: RefreshResult;
  description?: string;
  problems?: CatalogProblem[];
  diff?: CatalogDiff;
}
