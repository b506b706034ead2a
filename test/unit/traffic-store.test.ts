import { describe, expect, it } from 'vitest';
import { EventBus } from '../../main/core/events';
import { TrafficStore } from '../../main/traffic';
import { exchangeInput, provisionFlow } from '../helpers/traffic-testkit';

describe('TrafficStore ring buffer', () => {
  it('keeps at most `capacity` exchanges and evicts the oldest first', () => {
    const store = new TrafficStore({ capacity: 3 });
    const ids = ['a', 'b', 'c', 'd', 'e'].map((flowId) => store.record(exchangeInput({ flowId }))!.id);
    expect(store.size).toBe(3);
    expect(store.exchange(ids[0]!)).toBeUndefined();
    expect(store.exchange(ids[1]!)).toBeUndefined();
    expect(store.exchange(ids[4]!)?.flowId).toBe('e');
    expect(store.list().items.map((flow) => flow.id)).toEqual(['e', 'd', 'c']);
    expect(store.hasFlow('a')).toBe(false);
  });

  it('keeps the flows index consistent when hops of a flow are evicted one by one', () => {
    const store = new TrafficStore({ capacity: 4 });
    for (const input of provisionFlow({ flowId: 'p1' })) store.record(input);
    store.record(exchangeInput({ flowId: 'x' }));
    expect(store.get('p1')?.hopCount).toBe(3);
    store.record(exchangeInput({ flowId: 'y' }));
    const partial = store.get('p1')!;
    expect(partial.hopCount).toBe(2);
    expect(partial.hops.map((hop) => hop.hop)).toEqual(['platform→proxy', 'proxy→sm']);
    store.record(exchangeInput({ flowId: 'z' }));
    store.record(exchangeInput({ flowId: 'w' }));
    expect(store.get('p1')).toBeUndefined();
    expect(store.state()).toMatchObject({ size: 4, flows: 4 });
    expect(store.list().items.map((flow) => flow.id)).toEqual(['w', 'z', 'y', 'x']);
  });

  it('stays bounded: 200 000 appends into capacity 1000 keep 1000 exchanges and a matching index', () => {
    const store = new TrafficStore({ capacity: 1000 });
    const input = exchangeInput();
    for (let i = 0; i < 200_000; i++)
      store.record({ ...input, flowId: `f${i % 7919}`, startMs: input.startMs + i });
    expect(store.size).toBe(1000);
    const state = store.state();
    const hopsInFlows = store.list({ limit: 1000 }).items.reduce((sum, flow) => sum + flow.hopCount, 0);
    expect(state.flows).toBeLessThanOrEqual(1000);
    expect(hopsInFlows).toBe(1000);
  }, 30_000); // 200,000 captures take ~5 s on a loaded 2-core machine: the assertion is the bound, not the time

  it('evicts below capacity when the byte budget is spent', () => {
    const store = new TrafficStore({ capacity: 1000, maxBufferBytes: 50_000, maxBodyBytes: 4096 });
    const body = JSON.stringify({ blob: 'x'.repeat(4000) });
    for (let i = 0; i < 100; i++)
      store.record(exchangeInput({ flowId: `f${i}`, response: { status: 200, headers: {}, body } }));
    expect(store.state().bytes).toBeLessThanOrEqual(50_000);
    expect(store.size).toBeLessThan(100);
    expect(store.size).toBeGreaterThan(5);
  });

  it('orders the hops of a flow by start time, whatever order they end in', () => {
    const store = new TrafficStore();
    for (const input of provisionFlow({ flowId: 'p1', instanceId: 'i-9' })) store.record(input);
    const flow = store.get('p1')!;
    expect(flow.hops.map((hop) => hop.hop)).toEqual(['platform→proxy', 'proxy→sm', 'sm→broker']);
    expect(flow).toMatchObject({
      platform: 'cf-dev',
      operation: 'provision',
      instanceId: 'i-9',
      broker: 'sample',
      status: 201,
      hopCount: 3,
      hasNotes: false,
      durationMs: 30,
    });
    expect(flow.hops[1]!.osb).toMatchObject({ brokerId: 'broker-id-1', operation: 'provision' });
  });

  it('records nothing while paused, and says so', () => {
    const events = new EventBus();
    const store = new TrafficStore({ events });
    store.pause();
    expect(store.record(exchangeInput())).toBeUndefined();
    expect(store.state()).toMatchObject({ paused: true, size: 0 });
    store.resume();
    expect(store.record(exchangeInput())).toBeDefined();
    expect(events.since(0)!.map((event) => event.type)).toEqual([
      'traffic.state',
      'traffic.state',
      'traffic.exchange',
    ]);
  });

  it('emits a light traffic.exchange event (no bodies) and traffic.cleared', () => {
    const events = new EventBus();
    const store = new TrafficStore({ events });
    store.record(exchangeInput({ flowId: 'f' }));
    const [event] = events.since(0)!;
    expect(event!.type).toBe('traffic.exchange');
    expect(event!.data).toMatchObject({ flowId: 'f', hop: 'sm→broker', status: 200, operation: 'catalog' });
    expect(JSON.stringify(event!.data)).not.toContain('services');
    store.clear();
    expect(store.state()).toMatchObject({ size: 0, flows: 0 });
    expect(events.since(1)![0]!.type).toBe('traffic.cleared');
  });

  it('attaches notes after the fact and flags the flow', () => {
    const events = new EventBus();
    const store = new TrafficStore({ events });
    const exchange = store.record(exchangeInput({ flowId: 'f' }))!;
    const note = { level: 'warn', code: 'IdentityNotEchoed', message: 'no request identity' } as const;
    expect(store.addNote(exchange.id, note)).toBe(true);
    expect(store.get('f')).toMatchObject({ hasNotes: true, hops: [{ notes: [note] }] });
    expect(events.since(1)![0]).toMatchObject({
      type: 'traffic.note',
      data: { exchangeId: exchange.id, note },
    });
    expect(store.addNote('999', note)).toBe(false);
  });
});

describe('TrafficStore.list filters and paging', () => {
  function filled() {
    const store = new TrafficStore();
    for (const input of provisionFlow({ flowId: 'cf-ok', instanceId: 'i-1' })) store.record(input);
    for (const input of provisionFlow({
      flowId: 'k8s-bad',
      platform: 'k8s-dev',
      status: 409,
      instanceId: 'i-2',
    }))
      store.record(input);
    store.record(exchangeInput({ flowId: 'refresh', to: 'broker:other' }));
    store.record(
      exchangeInput({ flowId: 'down', to: 'broker:other', response: undefined, error: 'unreachable' }),
    );
    return store;
  }
  const ids = (page: { items: Array<{ id: string }> }) => page.items.map((flow) => flow.id);

  it('filters by platform, broker, operation, instance and status (code, class, error)', () => {
    const store = filled();
    expect(ids(store.list({ platform: 'k8s-dev' }))).toEqual(['k8s-bad']);
    expect(ids(store.list({ broker: 'other' }))).toEqual(['down', 'refresh']);
    expect(ids(store.list({ broker: 'broker-id-1' }))).toEqual(['k8s-bad', 'cf-ok']);
    expect(ids(store.list({ operation: 'catalog' }))).toEqual(['down', 'refresh']);
    expect(ids(store.list({ instance: 'i-1' }))).toEqual(['cf-ok']);
    expect(ids(store.list({ status: '409' }))).toEqual(['k8s-bad']);
    expect(ids(store.list({ status: '2xx' }))).toEqual(['refresh', 'cf-ok']);
    expect(ids(store.list({ status: 'error' }))).toEqual(['down']);
    expect(ids(store.list({ platform: 'cf-dev', status: '4xx' }))).toEqual([]);
  });

  it('searches text in URLs, bodies, ids and the flow id, ignoring case', () => {
    const store = filled();
    expect(ids(store.list({ text: 'I-2' }))).toEqual(['k8s-bad']);
    expect(ids(store.list({ text: 'CLOUDFOUNDRY' }))).toEqual(['k8s-bad', 'cf-ok']);
    expect(ids(store.list({ text: 'refr' }))).toEqual(['refresh']);
    expect(ids(store.list({ text: '"services"' }))).toEqual(['refresh']);
    expect(ids(store.list({ text: '(' }))).toEqual([]);
  });

  it("finds a term only in a later hop's request body, until that flow is evicted", () => {
    const store = new TrafficStore({ capacity: 3 });
    const hop = (body: string) =>
      exchangeInput({ flowId: 'f', method: 'PUT', request: { headers: {}, body }, response: undefined });
    store.record(hop('{"first":true}'));
    store.record(hop('{"note":"Needle-42 ÄÖ"}'));
    store.record(exchangeInput({ flowId: 'other' }));
    expect(ids(store.list({ text: 'needle-42 äö' }))).toEqual(['f']);
    expect(store.exchanges({ text: 'NEEDLE-42' }).map((exchange) => exchange.flowId)).toEqual(['f', 'f']);
    expect(ids(store.list({ text: 'first' }))).toEqual(['f']);
    store.record(exchangeInput({ flowId: 'x' }));
    expect(store.get('f')?.hopCount).toBe(1);
    expect(ids(store.list({ text: 'first' }))).toEqual([]);
    expect(ids(store.list({ text: 'needle-42' }))).toEqual(['f']);
    store.record(exchangeInput({ flowId: 'y' }));
    expect(store.hasFlow('f')).toBe(false);
    expect(ids(store.list({ text: 'needle-42' }))).toEqual([]);
    expect(store.exchanges({ text: 'needle-42' })).toEqual([]);
  });

  it('searches long bodies, with and without capitals, ignoring case, until their hop is evicted', () => {
    const store = new TrafficStore({ capacity: 3 });
    const long = (term: string) => JSON.stringify({ term, pad: 'p'.repeat(400) });
    const hop = (body: string) =>
      exchangeInput({ flowId: 'f', method: 'PUT', request: { headers: {}, body }, response: undefined });
    store.record(hop(long('lower-term')));
    store.record(hop(long('Upper-Term')));
    store.record(exchangeInput({ flowId: 'other' }));
    expect(ids(store.list({ text: 'LOWER-term' }))).toEqual(['f']);
    expect(ids(store.list({ text: 'upper-TERM' }))).toEqual(['f']);
    expect(ids(store.list({ text: '"term":"lower-term","pad":"ppp' }))).toEqual(['f']);
    store.record(exchangeInput({ flowId: 'x' }));
    expect(ids(store.list({ text: 'lower-term' }))).toEqual([]);
    expect(ids(store.list({ text: 'upper-term' }))).toEqual(['f']);
  });

  it('searches flows too large for a search text, and needles with a NUL, hop by hop alike', () => {
    const store = new TrafficStore();
    const big = (n: number) => JSON.stringify({ n, pad: 'y'.repeat(5000) });
    for (let n = 0; n < 12; n++)
      store.record(
        exchangeInput({ flowId: 'big', request: { headers: {}, body: big(n) }, response: undefined }),
      );
    store.record(exchangeInput({ flowId: 'nul', request: { headers: {}, body: 'a\u0000b' } }));
    expect(ids(store.list({ text: '{"n":11,' }))).toEqual(['big']);
    expect(ids(store.list({ text: 'a\u0000B' }))).toEqual(['nul']);
    expect(ids(store.list({ text: 'ffff' }))).toEqual([]);
    // Beyond the first 4096 characters of a body nothing is searched.
    store.record(
      exchangeInput({ flowId: 'tail', request: { headers: {}, body: `${'z'.repeat(5000)}tail-term` } }),
    );
    expect(ids(store.list({ text: 'tail-term' }))).toEqual([]);
  });

  it('pages newest first with a `before` cursor and ends with next: null', () => {
    const store = new TrafficStore();
    for (let i = 0; i < 25; i++) store.record(exchangeInput({ flowId: `f${i}` }));
    const seen: string[] = [];
    let before: number | undefined;
    for (let page = 0; page < 10; page++) {
      const result = store.list({ limit: 10, before });
      seen.push(...ids(result));
      if (result.next === null) break;
      before = result.next;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `f${24 - i}`));
    expect(store.list({ limit: 5000 }).items).toHaveLength(25);
    expect(store.list().total).toBe(25);
  });
});
