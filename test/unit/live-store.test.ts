import { describe, expect, it } from 'vitest';
import { useLive } from '../../renderer/src/model/live';

const event = (id: number, type: string) => ({ id, type, at: '2026-01-01T00:00:00.000Z', data: null });

describe('the live store', () => {
  it('counts the events of each batch per type', () => {
    const { receive } = useLive.getState();
    receive([event(1, 'hello'), event(2, 'sample-broker.faults')]);
    receive([event(3, 'sample-broker.faults')]);
    receive([]);
    expect(useLive.getState().seen).toEqual({ hello: 1, 'sample-broker.faults': 2 });
  });
});
