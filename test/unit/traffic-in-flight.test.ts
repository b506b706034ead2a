import { describe, expect, it } from 'vitest';
import { EventBus } from '../../main/core/events';
import { type ExchangeInput, TrafficStore } from '../../main/traffic';
import { ORPHAN_MITIGATION_STEP, POLLING_STOPPED_NOTE, pollStep } from '../../main/traffic/outcome';
import { exchangeInput } from '../helpers/traffic-testkit';

const provision = (overrides: Partial<ExchangeInput> = {}) =>
  exchangeInput({
    flowId: 'op',
    hop: 'platform→proxy',
    from: 'cf-dev',
    to: 'proxy:cf-dev',
    method: 'PUT',
    url: 'http://127.0.0.1:4812/osb/b1/v2/service_instances/i1?accepts_incomplete=true',
    request: { headers: {}, body: '{"service_id":"s"}' },
    ...overrides,
  });

const startOf = ({ response: _r, durationMs: _d, error: _e, errorDetail: _x, ...start }: ExchangeInput) =>
  start;

const pollAnswer = (state: string) => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ state }),
});

const poll = (flowId: string, state: string) =>
  exchangeInput({
    flowId,
    hop: 'platform→proxy',
    from: 'cf-dev',
    to: 'proxy:cf-dev',
    url: 'http://127.0.0.1:4812/osb/b1/v2/service_instances/i1/last_operation',
    response: pollAnswer(state),
  });

describe('in-flight capture', () => {
  it('lists a flow when its first request goes out, pending until the answer', () => {
    const events = new EventBus();
    const store = new TrafficStore({ events });
    const outer = store.begin(startOf(provision()))!;
    expect(store.list().items[0]).toMatchObject({
      id: 'op',
      pending: true,
      status: null,
      outcome: 'pending',
    });
    expect(store.get('op')!.hops[0]).toMatchObject({ pending: true, durationMs: 0 });
    expect(events.since(0)!.map((event) => event.type)).toEqual(['traffic.started']);

    const inner = store.begin(startOf(provision({ hop: 'sm→broker', from: 'sm', to: 'broker:sample' })))!;
    store.complete(inner, { durationMs: 4, response: { status: 200, headers: {}, body: '{}' } });
    // The inner hop's 200 is not the flow's status: the initiator's call is still out.
    expect(store.summary('op')).toMatchObject({ pending: true, status: null, outcome: 'pending' });
    expect(store.list({ status: 'error' }).items).toEqual([]);

    store.complete(outer, { durationMs: 9, response: { status: 201, headers: {}, body: '{}' } });
    const done = store.summary('op')!;
    expect(done).toMatchObject({ status: 201, outcome: 'succeeded' });
    expect(done.pending).toBeUndefined();
    expect(store.get('op')!.hops.map((hop) => hop.pending)).toEqual([undefined, undefined]);
    expect(events.since(0)!.map((event) => event.type)).toEqual([
      'traffic.started',
      'traffic.started',
      'traffic.exchange',
      'traffic.exchange',
    ]);
  });

  it('makes the answer searchable and leaves pending hops out of the HAR export', () => {
    const store = new TrafficStore();
    const outer = store.begin(startOf(provision()))!;
    expect(store.exchanges()).toEqual([]);
    store.complete(outer, {
      durationMs: 3,
      response: { status: 201, headers: {}, body: '{"dashboard":"xyzzy"}' },
    });
    expect(store.list({ text: 'xyzzy' }).items.map((flow) => flow.id)).toEqual(['op']);
    expect(store.exchanges()).toHaveLength(1);
  });

  it('ignores the answer of an exchange evicted or cleared while it was out', () => {
    const store = new TrafficStore({ capacity: 1 });
    const outer = store.begin(startOf(provision()))!;
    store.record(exchangeInput({ flowId: 'other' }));
    store.complete(outer, { durationMs: 3, response: { status: 201, headers: {}, body: '{}' } });
    expect(store.hasFlow('op')).toBe(false);
    const again = store.begin(startOf(provision()))!;
    store.clear();
    store.complete(again, { durationMs: 3, response: { status: 201, headers: {}, body: '{}' } });
    expect(store.state()).toMatchObject({ size: 0, flows: 0 });
  });
});

describe('operations as one flow', () => {
  const accepted = () => {
    const store = new TrafficStore();
    store.record(provision({ response: { status: 202, headers: {}, body: '{"operation":"o1"}' } }));
    return store;
  };

  it('files the polls under the flow that began the operation, labelled, with its outcome', () => {
    const store = accepted();
    expect(store.summary('op')!.outcome).toBe('pending');
    expect(store.join('poll-a', 'op', pollStep(1))).toBe(true);
    store.record(poll('poll-a', 'in progress'));
    expect(store.summary('op')).toMatchObject({ hopCount: 2, outcome: 'pending' });
    store.join('poll-b', 'op', pollStep(2));
    store.record(poll('poll-b', 'succeeded'));
    const flow = store.get('op')!;
    expect(flow.hops.map((hop) => hop.step)).toEqual([undefined, 'poll 1', 'poll 2']);
    expect(flow.hops.every((hop) => hop.flowId === 'op')).toBe(true);
    expect(flow).toMatchObject({ status: 202, outcome: 'succeeded' });
    const last = flow.hops[2]!;
    expect(flow.durationMs).toBeCloseTo(last.startMs + last.durationMs - flow.hops[0]!.startMs, 0);
    expect(store.hasFlow('poll-a')).toBe(false);
    expect(store.list().items).toHaveLength(1);
  });

  it('fails on a failed poll, on the platform giving up, and with orphan mitigation', () => {
    const failed = accepted();
    failed.join('p', 'op', pollStep(1));
    failed.record(poll('p', 'failed'));
    expect(failed.summary('op')!.outcome).toBe('failed');

    const expired = accepted();
    expired.join('p', 'op', pollStep(1));
    const lastPoll = expired.record(poll('p', 'in progress'))!;
    expired.addNote(lastPoll.id, { level: 'error', code: POLLING_STOPPED_NOTE, message: 'stopped' });
    expect(expired.summary('op')!.outcome).toBe('failed');

    const refused = new TrafficStore();
    refused.record(provision({ response: { status: 500, headers: {}, body: '{}' } }));
    refused.join('d', 'op', ORPHAN_MITIGATION_STEP);
    refused.record(
      exchangeInput({ flowId: 'd', method: 'DELETE', response: { status: 410, headers: {}, body: '{}' } }),
    );
    expect(refused.get('op')!.hops.map((hop) => hop.step)).toEqual([undefined, 'orphan mitigation']);
    expect(refused.summary('op')!.outcome).toBe('failed');
  });

  it('does not join to a flow it does not hold, and forgets joins with the flow', () => {
    const store = new TrafficStore({ capacity: 2 });
    expect(store.join('p', 'nowhere', pollStep(1))).toBe(false);
    store.record(provision({ response: { status: 202, headers: {}, body: '{}' } }));
    store.join('p', 'op', pollStep(1));
    store.record(exchangeInput({ flowId: 'x' }));
    store.record(exchangeInput({ flowId: 'y' }));
    store.record(poll('p', 'succeeded'));
    expect(store.hasFlow('op')).toBe(false);
    expect(store.get('p')!.hops[0]!.step).toBeUndefined();
  });
});
