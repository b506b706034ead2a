import { describe, expect, it } from 'vitest';
import { TrafficStore } from '../../main/traffic';
import { NO_FILTERS } from '../../renderer/src/traffic/flow-query';
import { filterShown } from '../../renderer/src/traffic/local-filter';
import { provisionFlow } from '../helpers/traffic-testkit';

const ids = (page: { items: Array<{ id: string }> }) => page.items.map((flow) => flow.id);

/** A provision the SM refused: the proxy→sm hop and the platform's, no hop reaches a broker. */
const refusedBySm = (flowId: string) =>
  provisionFlow({ flowId, instanceId: 'b7e4c1d2-0000-4000-8000-000000000001', status: 400 }).filter(
    (input) => input.hop !== 'sm→broker',
  );

describe('the broker of a flow, by name', () => {
  it('names the broker of a call that stopped at the SM from its id in /v1/osb/:broker_id', () => {
    const store = new TrafficStore();
    store.nameBrokers((id) => (id === 'broker-id-1' ? 'sample' : undefined));
    for (const input of refusedBySm('refused')) store.record(input);
    for (const input of provisionFlow({ flowId: 'through', broker: 'sample' })) store.record(input);
    expect(store.summary('refused')?.broker).toBe('sample');
    expect(store.get('refused')?.hops.find((hop) => hop.hop === 'proxy→sm')?.osb).toMatchObject({
      brokerId: 'broker-id-1',
      broker: 'sample',
    });
    expect(ids(store.list({ broker: 'sample' }))).toEqual(['through', 'refused']);
    expect(ids(store.list({ broker: 'broker-id-1' }))).toEqual(['through', 'refused']);
  });

  it('keeps the id of a broker the SM does not know, and the id when no names are known', () => {
    const named = new TrafficStore();
    named.nameBrokers(() => undefined);
    const unnamed = new TrafficStore();
    for (const store of [named, unnamed]) {
      for (const input of refusedBySm('refused')) store.record(input);
      expect(store.summary('refused')?.broker).toBe('broker-id-1');
    }
  });
});

describe('the Instance filter', () => {
  function filled() {
    const store = new TrafficStore();
    const flows = { a: 'b7e4c1d2-aaaa-4000-8000-000000000001', b: 'b7e4ffff-bbbb-4000-8000-000000000002' };
    for (const [flowId, instanceId] of Object.entries(flows))
      for (const input of provisionFlow({ flowId, instanceId })) store.record(input);
    return store;
  }

  it('matches any start of the id, ignoring case, on the server and in the instant filter alike', () => {
    const store = filled();
    const shown = store.list().items;
    for (const [instance, expected] of [
      ['b7e4c1d2', ['a']],
      ['B7E4', ['b', 'a']],
      ['b7e4c1d2-aaaa-4000-8000-000000000001', ['a']],
      ['c1d2', []],
      ['b7e4c1d2-aaaa-4000-8000-0000000000012', []],
    ] as const) {
      expect(ids(store.list({ instance })), instance).toEqual(expected);
      expect(ids({ items: filterShown(shown, { ...NO_FILTERS, instance }) }), instance).toEqual(expected);
    }
  });
});

describe('the spec-note level of a flow', () => {
  it("is the gravest level of its hops' notes", () => {
    const store = new TrafficStore();
    const [broker, , platform] = provisionFlow({ flowId: 'noted' }).map((input) => store.record(input)!);
    expect(store.summary('noted')).toMatchObject({ hasNotes: false });
    expect(store.summary('noted')?.noteLevel).toBeUndefined();
    store.addNote(broker!.id, { level: 'info', code: 'MissingOperation', message: 'no operation' });
    expect(store.summary('noted')?.noteLevel).toBe('info');
    store.addNote(platform!.id, { level: 'error', code: 'MalformedBody', message: 'not JSON' });
    store.addNote(broker!.id, { level: 'warn', code: 'UnexpectedStatus', message: 'odd status' });
    expect(store.summary('noted')).toMatchObject({ hasNotes: true, noteLevel: 'error' });
  });
});
