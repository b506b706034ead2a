import { beforeEach, describe, expect, it } from 'vitest';
import { followConnection } from '../../renderer/src/model/connection';
import { useLive } from '../../renderer/src/model/live';

const connection = () => useLive.getState().connection;
const gone = () => Promise.resolve(false);
const there = () => Promise.resolve(true);

describe('the connection in words', () => {
  beforeEach(() => useLive.setState({ connection: 'live' }));

  it('is disconnected when the stream breaks and the simulator does not answer', async () => {
    followConnection('reconnecting', gone);
    expect(connection()).toBe('reconnecting');
    await expect.poll(connection).toBe('disconnected');
  });

  it('stays reconnecting while the simulator answers, and live once the stream opens', async () => {
    followConnection('reconnecting', there);
    await new Promise((settled) => setTimeout(settled)); // every pending promise callback has run
    expect(connection()).toBe('reconnecting');
    followConnection('live');
    expect(connection()).toBe('live');
  });

  it('stays disconnected through failed retries until the stream opens again', async () => {
    followConnection('reconnecting', gone);
    await expect.poll(connection).toBe('disconnected');
    followConnection('reconnecting', there);
    expect(connection()).toBe('disconnected');
    followConnection('live');
    expect(connection()).toBe('live');
  });
});
