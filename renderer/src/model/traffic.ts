import { useCallback } from 'react';
import type { TrafficImport, TrafficState } from '../../../main/traffic/api-types';
import type { FlowDetail } from '../../../main/traffic/types';
import { type FlowFilters, queryOf } from '../traffic/flow-query';
import { apiPath, getJson, request } from './http';
import { useSeen, useSeenAny } from './live';
import { useLoad } from './use-load';

const getTrafficState = () => getJson<TrafficState>('/api/traffic/state');

/** Whether the capture is paused, and how full its buffer is. */
export const useTrafficState = () => useLoad(getTrafficState, useSeen('traffic.state'));

export const setCapturePaused = (paused: boolean) =>
  request('POST', paused ? '/api/traffic/pause' : '/api/traffic/resume');

/** Empties the capture's buffer. */
export const clearFlows = () => request('DELETE', '/api/flows');

/** Adds the exchanges of a HAR file to the capture. */
export const importHar = (har: unknown) => request<TrafficImport>('POST', '/api/traffic/import', har);

/** Where the flows matching `filters` download as HAR. */
export const harExportUrl = (filters: FlowFilters) => `/api/traffic.har?${queryOf(filters)}`;

/** One flow with its hops, reloaded while hops of it start, end or get notes. */
export function useFlow(id: string) {
  const load = useCallback(() => getJson<FlowDetail>(apiPath`/api/flows/${id}`), [id]);
  return useLoad(load, useSeenAny('traffic.started', 'traffic.exchange', 'traffic.note'));
}
