import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FlowPage } from '../../../main/traffic/api-types';
import { type FlowFilters, queryOf } from '../traffic/flow-query';
import { filterShown } from '../traffic/local-filter';
import { getJson } from './http';
import { useSeenAny } from './live';

export type Flows = FlowPage & {
  /** The query the server answered: the rows are complete for it (else `loading`, and they are a subset). */
  query: string | null;
  loading: boolean;
  error: string | null;
  loadMore: () => void;
};

const PAGE = 100;

/** The newest page joined to the older rows already shown, so a live reload never drops what was scrolled to. */
function merge(first: FlowPage, shown: FlowPage): FlowPage {
  if (first.next === null) return first;
  const oldest = first.items.at(-1)!.seq;
  const older = shown.items.filter((flow) => flow.seq < oldest);
  return {
    items: [...first.items, ...older],
    next: older.length ? shown.next : first.next,
    total: first.total,
  };
}

/**
 * The flows matching `filters`, newest first: the first page again whenever the filters change or the
 * capture starts or ends a call, clears or notes something (a stale answer is dropped), older pages on
 * `loadMore`. While the server's answer to new filters is on its way, the rows already there that surely
 * match them are shown, so typing updates the list at once.
 */
export function useFlows(filters: FlowFilters): Flows {
  const tick = useSeenAny('traffic.started', 'traffic.exchange', 'traffic.cleared', 'traffic.note');
  const query = queryOf(filters);
  const [page, setPage] = useState<FlowPage & { query: string | null }>({
    items: [],
    next: null,
    total: 0,
    query: null,
  });
  const [error, setError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick only triggers the reload.
  useEffect(() => {
    let current = true;
    getJson<FlowPage>(`/api/flows?${query}${query ? '&' : ''}limit=${PAGE}`).then(
      (first) => {
        if (!current) return;
        setError(null);
        setPage((shown) => ({ ...(shown.query === query ? merge(first, shown) : first), query }));
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [query, tick]);

  const loadMore = useCallback(() => {
    if (page.next === null || page.query !== query) return;
    const before = page.next;
    getJson<FlowPage>(`/api/flows?${queryOf(filters, { limit: PAGE, before })}`).then((older) =>
      setPage((shown) =>
        shown.next === before && shown.query === query
          ? { ...shown, items: [...shown.items, ...older.items], next: older.next }
          : shown,
      ),
    );
  }, [page, query, filters]);

  const loading = page.query !== query;
  // biome-ignore lint/correctness/useExhaustiveDependencies: query stands for filters.
  const items = useMemo(
    () => (loading ? filterShown(page.items, filters) : page.items),
    [page, query, loading],
  );
  return { ...page, items, loading, error, loadMore };
}
