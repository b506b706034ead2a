import { describe, expect, it } from 'vitest';
import { EventBus } from '../../main/core/events';
import { TrafficStore } from '../../main/traffic';
import { Recordings } from '../../main/workflows/recordings/recordings';
import { exchangeInput, har12, provisionFlow } from '../helpers/traffic-testkit';

function setup() {
  const events = new EventBus();
  const traffic = new TrafficStore({ events });
  return { traffic, recordings: new Recordings(traffic, events, '0.1.0') };
}

describe('Recordings', () => {
  it('records the exchanges to one broker from start to stop, as HAR 1.2', () => {
    const { traffic, recordings } = setup();
    traffic.record(exchangeInput());
    const recording = recordings.start({ broker: 'sample' });
    traffic.insert(provisionFlow({ flowId: 'f-1' }));
    traffic.insert(provisionFlow({ flowId: 'f-2', broker: 'other' }));
    expect(recordings.stop(recording.id)).toMatchObject({ status: 'stopped', exchanges: 1 });
    traffic.insert(provisionFlow({ flowId: 'f-3' }));
    const har = recordings.har(recording.id)!;
    expect(har12.safeParse(har).success).toBe(true);
    const entries = har.log.entries as unknown as Array<Record<string, unknown>>;
    expect(entries.map((entry) => [entry._flowId, entry._hop, entry._to])).toEqual([
      ['f-1', 'sm→broker', 'broker:sample'],
    ]);
  });

  it('with allHops: every hop of the flows that reached the broker', () => {
    const { traffic, recordings } = setup();
    const recording = recordings.start({ broker: 'sample', allHops: true });
    traffic.insert(provisionFlow({ flowId: 'f-1' }));
    const hops = (recordings.har(recording.id)!.log.entries as unknown as Array<Record<string, unknown>>).map(
      (entry) => entry._hop,
    );
    expect(hops).toEqual(['platform→proxy', 'proxy→sm', 'sm→broker']);
    expect(recordings.list().map((item) => item.status)).toEqual(['recording']);
  });

  it('tells the event bus when a recording starts and when it stops (once)', () => {
    const events = new EventBus();
    const recordings = new Recordings(new TrafficStore({ events }), events, '0.1.0');
    const seen: unknown[] = [];
    events.subscribe((event) => {
      if (event.type === 'recording.changed') seen.push(event.data);
    });
    const recording = recordings.start({ broker: 'sample' });
    recordings.stop(recording.id);
    recordings.stop(recording.id);
    expect(seen).toEqual([
      expect.objectContaining({ id: recording.id, status: 'recording' }),
      expect.objectContaining({ id: recording.id, status: 'stopped' }),
    ]);
  });
});
