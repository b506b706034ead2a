import { describe, expect, it } from 'vitest';
import { toSimEvent } from '../../renderer/src/events/event-stream';
import { createFrameBatcher } from '../../renderer/src/events/frame-batcher';

describe('toSimEvent', () => {
  it('takes the simulator event from the data', () => {
    const event = { id: 3, type: 'sm.broker', at: '2026-01-01T00:00:00.000Z', data: { action: 'created' } };
    expect(toSimEvent({ type: 'sm.broker', data: JSON.stringify(event), lastEventId: '3' })).toEqual(event);
  });

  it('wraps anything else under the SSE event name', () => {
    const event = toSimEvent({ type: 'resync', data: '{"reason":"gone"}', lastEventId: '9' });
    expect(event).toMatchObject({ id: 9, type: 'resync', data: { reason: 'gone' } });
  });
});

describe('createFrameBatcher', () => {
  it('hands everything pushed before a frame to one flush', () => {
    const frames: Array<() => void> = [];
    const flushed: number[][] = [];
    const push = createFrameBatcher<number>(
      (items) => flushed.push(items),
      (callback) => frames.push(callback),
    );
    push(1);
    push(2);
    push(3);
    expect(frames).toHaveLength(1);
    frames[0]!();
    push(4);
    frames[1]!();
    expect(flushed).toEqual([[1, 2, 3], [4]]);
  });
});
