import { useMemo } from 'react';
import { navigate, usePlace } from '../navigation';
import { trafficHref, trafficPlaceOf } from '../url-state';
import type { FlowFilters } from './flow-query';

/**
 * The Traffic view's filters, shown flow and opened hop, kept in the URL: a reload or a pasted link shows
 * the same screen. Changing them replaces the history entry (each keystroke, each arrow press), so Back
 * leaves the view. Another flow opens with no hop open.
 */
export function useTrafficPlace() {
  const { params } = usePlace();
  return useMemo(() => {
    const { filters, flow, hop } = trafficPlaceOf(params);
    const go = (next: FlowFilters, shown: string | null, opened: string | null) =>
      navigate(trafficHref(next, shown, opened), { replace: true });
    return {
      filters,
      selected: flow,
      hop,
      setFilters: (next: FlowFilters) => go(next, flow, hop),
      setSelected: (shown: string) => go(filters, shown, shown === flow ? hop : null),
      setHop: (opened: string | null) => go(filters, flow, opened),
    };
  }, [params]);
}

/** The hop opened in the shown flow, and its setter (null closes it). */
export function useOpenHop(): [string | null, (hopId: string | null) => void] {
  const { hop, setHop } = useTrafficPlace();
  return [hop, setHop];
}
