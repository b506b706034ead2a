import type { FlowSummary } from './types';

/** What the capture's control routes answer besides flows (`types.ts`): a page of them, its state, an import. */
export type { FlowPage, TrafficState } from './store-types';

/** `POST /api/traffic/import`: how many exchanges a HAR file added, and the flows they belong to. */
export interface TrafficImport {
  imported: number;
  flows: FlowSummary[];
}
