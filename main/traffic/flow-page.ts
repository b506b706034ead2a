import { type FlowView, flowMatcher } from './flows';
import { DEFAULT_LIST_LIMIT, type FlowPage, type FlowQuery, MAX_LIST_LIMIT } from './store-types';
import type { FlowSummary } from './types';

/** Flows `pageOf` tests per block (see there). */
const LIST_BLOCK = 512;

/** A flow as the store keeps it in creation order; an evicted one stays there, not alive, until compacted. */
export interface ListedFlow extends FlowView {
  seq: number;
  alive: boolean;
}

/**
 * The matching flows of `order` (by seq), newest first. Flows are tested in blocks (growing to `LIST_BLOCK`),
 * newest block first but oldest flow first within a block: a narrow text search reads the search texts
 * several times faster in that order than strictly backwards (the matches are the same, a few flows are
 * tested in vain).
 */
export function pageOf(order: readonly ListedFlow[], query: FlowQuery): Omit<FlowPage, 'total'> {
  const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_LIST_LIMIT), MAX_LIST_LIMIT);
  const matches = flowMatcher(query);
  const items: FlowSummary[] = [];
  const hits: number[] = [];
  let end = lastIndexBefore(order, query.before ?? Number.POSITIVE_INFINITY) + 1;
  let last = -1;
  let block = Math.min(limit + 1, LIST_BLOCK);
  while (end > 0 && items.length < limit) {
    const start = Math.max(0, end - block);
    block = Math.min(block * 2, LIST_BLOCK);
    hits.length = 0;
    for (let index = start; index < end; index++) {
      const flow = order[index]!;
      if (flow.alive && matches(flow)) hits.push(index);
    }
    for (let hit = hits.length - 1; hit >= 0 && items.length < limit; hit--) {
      last = hits[hit]!;
      items.push(order[last]!.summary);
    }
    end = start;
  }
  const more = items.length === limit && last > 0;
  return { items, next: more ? items[items.length - 1]!.seq : null };
}

/** Index in `order` of the newest flow with seq < before (binary search), -1 when none. */
function lastIndexBefore(order: readonly ListedFlow[], before: number): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order[middle]!.seq < before) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
