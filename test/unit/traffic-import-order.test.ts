import { describe, expect, it } from 'vitest';
import { importHar, TrafficStore, toHar } from '../../main/traffic';
import { exchangeInput } from '../helpers/traffic-testkit';

const T = Date.UTC(2026, 5, 1, 12);

/** A store with two live flows, at T and T + 2 s. */
function liveStore() {
  const store = new TrafficStore();
  store.record(exchangeInput({ flowId: 'live-1', startMs: T }));
  store.record(exchangeInput({ flowId: 'live-2', startMs: T + 2000 }));
  return store;
}

/** A HAR file of one-exchange flows, each started at T + its offset (ms). */
function harAt(flows: Record<string, number>) {
  const source = new TrafficStore();
  for (const [flowId, offset] of Object.entries(flows))
    source.record(exchangeInput({ flowId, startMs: T + offset }));
  return toHar(source.exchanges(), '0.1.0');
}

/** Every flow, newest first, read page by page as the UI scrolls (one per page). */
function pagedIds(store: TrafficStore): string[] {
  const ids: string[] = [];
  let before: number | undefined;
  do {
    const page = store.list({ limit: 1, ...(before === undefined ? {} : { before }) });
    ids.push(...page.items.map((flow) => flow.id));
    before = page.next ?? undefined;
  } while (before !== undefined);
  return ids;
}

describe('imported flows', () => {
  it('list among the live ones by their start time, marked imported', () => {
    const store = liveStore();
    importHar(store, harAt({ yesterday: -86_400_000, between: 1000, later: 9000 }));
    const items = store.list().items;
    expect(items.map((flow) => flow.id)).toEqual(['later', 'live-2', 'between', 'live-1', 'yesterday']);
    expect(items.filter((flow) => flow.imported).map((flow) => flow.id)).toEqual([
      'later',
      'between',
      'yesterday',
    ]);
    expect(store.get('between')!.hops.every((hop) => hop.imported)).toBe(true);
  });

  it('page in the same order, each flow once, and a call made after the import still lists first', () => {
    const store = liveStore();
    importHar(store, harAt({ yesterday: -86_400_000, between: 1000, later: 9000 }));
    store.record(exchangeInput({ flowId: 'live-3', startMs: T + 3000 }));
    expect(pagedIds(store)).toEqual(['live-3', 'later', 'live-2', 'between', 'live-1', 'yesterday']);
    expect(store.list({ limit: 10 }).items.map((flow) => flow.id)).toEqual(pagedIds(store));
  });

  it('stay in time order when the same file is imported into the same gap again and again', () => {
    const store = liveStore();
    const har = harAt({ a: 500, b: 1000, c: 1500 });
    for (let round = 0; round < 60; round++) importHar(store, har);
    store.record(exchangeInput({ flowId: 'live-3', startMs: T + 3000 }));
    const ids = pagedIds(store);
    expect(ids).toHaveLength(3 + 60 * 3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 2)).toEqual(['live-3', 'live-2']);
    expect(ids.at(-1)).toBe('live-1');
    const starts = ids.map((id) => Date.parse(store.summary(id)!.startedAt));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });

  it('leave live flows unmarked', () => {
    expect(
      liveStore()
        .list()
        .items.some((flow) => flow.imported),
    ).toBe(false);
  });
});
