import { describe, expect, it } from 'vitest';
import { emptySmState, type NotificationRecord, type SmState } from '../../main/core/sm/model';
import { type NotificationChange, Notifier } from '../../main/core/sm/notifications';

const change = (
  platform_id: string | null = null,
  payload: Record<string, unknown> = {},
): NotificationChange => ({
  resource: '/v1/visibilities',
  type: 'CREATED',
  platform_id,
  payload,
});

function appendMany(notifier: Notifier, state: SmState, count: number): NotificationRecord[] {
  return Array.from({ length: count }, () => notifier.append(state, change()));
}

const revisions = (records: NotificationRecord[] | undefined) => records?.map((record) => record.revision);

describe('Notifier.append', () => {
  it('gives each change the next revision and keeps the record in the state', () => {
    const state = emptySmState();
    const notifier = new Notifier();
    const first = notifier.append(state, change('p1', { new: { resource: { id: 'v1' } } }));
    const second = notifier.append(state, { ...change(), resource: '/v1/service_brokers', type: 'DELETED' });
    expect(state.revision).toBe(2);
    expect(state.notifications).toEqual([first, second]);
    expect(first).toMatchObject({
      revision: 1,
      resource: '/v1/visibilities',
      type: 'CREATED',
      platform_id: 'p1',
      payload: { new: { resource: { id: 'v1' } } },
    });
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.id).not.toBe(second.id);
    expect(Date.parse(first.created_at)).not.toBeNaN();
  });

  it('drops the oldest records beyond `keep`', () => {
    const state = emptySmState();
    appendMany(new Notifier({ keep: 3 }), state, 5);
    expect(state.revision).toBe(5);
    expect(revisions(state.notifications)).toEqual([3, 4, 5]);
  });

  it('keeps 1000 by default', () => {
    const state = emptySmState();
    appendMany(new Notifier(), state, 1003);
    expect(state.notifications).toHaveLength(1000);
    expect(state.notifications[0]!.revision).toBe(4);
  });

  it('strips credentials at the top level, in new/old and in their resource, without touching the input', () => {
    const secret = { basic: { username: 'u', password: 'p' } };
    const payload = {
      credentials: secret,
      new: { credentials: secret, resource: { id: 'b1', credentials: secret } },
      old: { resource: { id: 'b1', credentials: secret }, additional: { kept: true } },
    };
    const record = new Notifier().append(emptySmState(), change(null, payload));
    expect(record.payload).toEqual({
      new: { resource: { id: 'b1' } },
      old: { resource: { id: 'b1' }, additional: { kept: true } },
    });
    expect(JSON.stringify(record)).not.toContain('password');
    expect(payload.new.resource.credentials).toBe(secret);
  });
});

describe('Notifier.since', () => {
  const notifier = new Notifier({ keep: 3 });
  const state = emptySmState();
  appendMany(notifier, state, 5);

  it('returns the records after a revision still held, oldest first', () => {
    expect(revisions(notifier.since(state, 2))).toEqual([3, 4, 5]);
    expect(revisions(notifier.since(state, 4))).toEqual([5]);
  });

  it('returns nothing for the current revision', () => {
    expect(notifier.since(state, 5)).toEqual([]);
    expect(notifier.since(emptySmState(), 0)).toEqual([]);
  });

  it('is undefined when records after the revision were dropped', () => {
    expect(notifier.since(state, 1)).toBeUndefined();
    expect(notifier.since(state, 0)).toBeUndefined();
  });

  it('is undefined when the revision is ahead of the state (another SM incarnation)', () => {
    expect(notifier.since(state, 6)).toBeUndefined();
    expect(notifier.since(emptySmState(), 1)).toBeUndefined();
  });

  it('is undefined when nothing is kept but the state moved on', () => {
    const empty = emptySmState();
    appendMany(new Notifier({ keep: 0 }), empty, 2);
    expect(notifier.since(empty, 1)).toBeUndefined();
    expect(notifier.since(empty, 2)).toEqual([]);
  });
});

describe('Notifier.publish and visibleTo', () => {
  it('delivers published records to subscribers until they unsubscribe', () => {
    const notifier = new Notifier();
    const state = emptySmState();
    const seen: number[] = [];
    const unsubscribe = notifier.subscribe((record) => seen.push(record.revision));
    notifier.publish(appendMany(notifier, state, 2));
    unsubscribe();
    notifier.publish(appendMany(notifier, state, 1));
    expect(seen).toEqual([1, 2]);
  });

  it('shows a record without a platform to every platform, else only to its platform', () => {
    const notifier = new Notifier();
    const state = emptySmState();
    const everyone = notifier.append(state, change(null));
    const onlyP1 = notifier.append(state, change('p1'));
    expect(notifier.visibleTo(everyone, 'p1')).toBe(true);
    expect(notifier.visibleTo(everyone, 'p2')).toBe(true);
    expect(notifier.visibleTo(onlyP1, 'p1')).toBe(true);
    expect(notifier.visibleTo(onlyP1, 'p2')).toBe(false);
  });
});
