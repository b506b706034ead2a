import type { FlowSummary } from './types';

/** What the ordering reads and sets of the store's flows. */
export interface OrderedFlow {
  /** The listing key: increasing along the store's order (the paging cursor `before` compares it). */
  seq: number;
  hops: ReadonlyArray<{ startMs: number }>;
  summary: FlowSummary;
}

const startOf = (flow: OrderedFlow) => flow.hops[0]?.startMs ?? Date.parse(flow.summary.startedAt);

const setSeq = (flow: OrderedFlow, seq: number) => {
  flow.seq = seq;
  flow.summary = { ...flow.summary, seq };
};

/**
 * Moves the flows an import just added (those of seq ≥ `firstSeq`, at the end of `order`) to where their
 * start time puts them among the flows already held, so a HAR file of yesterday lists below today's calls
 * instead of above them. Each gets a key between its neighbours' (fractional where it falls between two
 * held flows); when a gap has no room left in floating point, every flow is renumbered 1, 2, 3… in order,
 * which stays below the seq of any exchange recorded later. Returns the new order.
 */
export function placeImported<T extends OrderedFlow>(order: T[], firstSeq: number): T[] {
  let split = order.length;
  while (split > 0 && order[split - 1]!.seq >= firstSeq) split--;
  if (split === order.length) return order;
  const added = order.slice(split).sort((a, b) => startOf(a) - startOf(b));
  const keys = added.map((flow) => flow.seq).sort((a, b) => a - b);
  const merged: T[] = [];
  let next = 0;
  for (const flow of order.slice(0, split)) {
    while (next < added.length && startOf(added[next]!) < startOf(flow)) merged.push(added[next++]!);
    merged.push(flow);
  }
  merged.push(...added.slice(next));
  const fits = numberGaps(merged, new Set(added), keys);
  if (!fits) for (const [index, flow] of merged.entries()) setSeq(flow, index + 1);
  return merged;
}

/**
 * Gives each run of added flows keys evenly between the held flows around it (the last run, newer than all,
 * takes the added flows' own seqs). False when some key would not be strictly between its neighbours.
 */
function numberGaps(merged: OrderedFlow[], added: Set<OrderedFlow>, ownKeys: number[]): boolean {
  let index = 0;
  while (index < merged.length) {
    if (!added.has(merged[index]!)) {
      index++;
      continue;
    }
    let end = index;
    while (end < merged.length && added.has(merged[end]!)) end++;
    const low = index > 0 ? merged[index - 1]!.seq : 0;
    const run = merged.slice(index, end);
    if (end === merged.length) {
      const own = ownKeys.slice(ownKeys.length - run.length);
      for (const [at, flow] of run.entries()) setSeq(flow, own[at]!);
    } else {
      const high = merged[end]!.seq;
      const step = (high - low) / (run.length + 1);
      let previous = low;
      for (const [at, flow] of run.entries()) {
        const key = low + step * (at + 1);
        if (!(key > previous && key < high)) return false;
        setSeq(flow, key);
        previous = key;
      }
    }
    index = end;
  }
  return true;
}
