import { useMemo } from 'react';
import { navigate, usePlace } from '../navigation';
import { trafficHref, trafficPlaceOf } from '../url-state';
import type { FlowFilters } from './flow-query';

/**
 * The Traffic view's filters and open flow, kept in the URL: a reload or a pasted link shows the same
 * screen. Changing them replaces the history entry (each keystroke, each arrow press), so Back leaves the view.
 */
export function useTrafficPlace() {
  const { params } = usePlace();
  return useMemo(() => {
    const { filters, flow } = trafficPlaceOf(params);
    const go = (next: FlowFilters, open: string | null) =>
      navigate(trafficHref(next, open), { replace: true });
    return {
      filters,
      selected: flow,
      setFilters: (next: FlowFilters) => go(next, flow),
      setSelected: (open: string) => go(filters, open),
    };
  }, [params]);
}
