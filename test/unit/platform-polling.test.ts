import { describe, expect, it } from 'vitest';
import type { CallResult } from '../../main/core/platform/notes';
import {
  judgePoll,
  nextPollDelayMs,
  pollingDeadline,
  retryAfterMs,
  retryAfterNotes,
} from '../../main/core/platform/polling';

const answer = (status: number, body?: unknown, headers: Record<string, string> = {}): CallResult => ({
  kind: 'answer',
  status,
  headers,
  body,
  text: body === undefined ? '' : JSON.stringify(body),
});
const policy = { intervalMs: 1000, capMs: 5000, maxDurationMs: 60_000 };
const codes = (result: ReturnType<typeof judgePoll>) => result.notes.map((note) => note.code);

describe('Retry-After', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delay-seconds and HTTP dates', () => {
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:02 GMT', now)).toBe(2000);
    expect(retryAfterMs('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('0', now)).toBe(0);
  });

  it('reads no negative or fractional seconds as a date', () => {
    for (const value of ['-5', '1.5', '-1e9', '+3', '-5 GMT'])
      expect(retryAfterMs(value, now)).toBeUndefined();
  });

  it('is honoured between 1 s and the cap; without it the platform interval applies', () => {
    expect(nextPollDelayMs(policy, '2', now)).toBe(2000);
    expect(nextPollDelayMs(policy, '0', now)).toBe(1000);
    expect(nextPollDelayMs(policy, '120', now)).toBe(5000);
    expect(nextPollDelayMs(policy, '99999999999999999999', now)).toBe(5000);
    expect(nextPollDelayMs(policy, undefined, now)).toBe(1000);
    expect(nextPollDelayMs(policy, 'soon', now)).toBe(1000);
    expect(nextPollDelayMs({ ...policy, intervalMs: 10_000 }, '-5', now)).toBe(10_000);
  });

  it('may be shorter than 1 s only on a platform that polls faster on its own', () => {
    const fast = { ...policy, intervalMs: 200 };
    expect(nextPollDelayMs(fast, '0', now)).toBe(200);
    expect(nextPollDelayMs({ ...policy, intervalMs: 10 }, '0', now)).toBe(100);
  });

  it('is flagged when unreadable', () => {
    expect(retryAfterNotes(answer(200, {}, { 'retry-after': 'soon' }), now)[0]?.code).toBe(
      'InvalidRetryAfter',
    );
    expect(retryAfterNotes(answer(200, {}, { 'retry-after': '1' }), now)).toEqual([]);
    expect(retryAfterNotes(answer(200, {}, { 'retry-after': '-5' }), now)[0]?.code).toBe('InvalidRetryAfter');
  });
});

describe('pollingDeadline', () => {
  it('is the plan maximum or the platform limit, whichever comes first', () => {
    expect(pollingDeadline(1000, policy, 10)).toBe(11_000);
    expect(pollingDeadline(1000, policy, 3600)).toBe(61_000);
    expect(pollingDeadline(1000, policy)).toBe(61_000);
    expect(pollingDeadline(1000, policy, 0)).toBe(61_000);
  });
});

describe('judgePoll', () => {
  it('follows the state of a 200', () => {
    expect(judgePoll('create', answer(200, { state: 'in progress' })).state).toBe('in progress');
    expect(judgePoll('create', answer(200, { state: 'succeeded' }))).toEqual({
      state: 'succeeded',
      notes: [],
    });
    expect(judgePoll('update', answer(200, { state: 'failed', description: 'disk full' }))).toEqual({
      state: 'failed',
      description: 'disk full',
      notes: [],
    });
  });

  it('keeps polling and flags an invalid state or body', () => {
    const invalid = judgePoll('create', answer(200, { state: 'done' }));
    expect(invalid.state).toBe('in progress');
    expect(codes(invalid)).toEqual(['InvalidState']);
    expect(codes(judgePoll('create', answer(200, undefined)))).toEqual(['MalformedBody']);
  });

  it('410 ends a delete; during a create or update it is invalid: keep polling, flag it', () => {
    expect(judgePoll('delete', answer(410, {}))).toEqual({ state: 'succeeded', notes: [] });
    for (const type of ['create', 'update'] as const) {
      const verdict = judgePoll(type, answer(410, {}));
      expect(verdict.state).toBe('in progress');
      expect(codes(verdict)).toEqual(['UnexpectedGone']);
    }
  });

  it('400 fails; 404 fails a create and ends a delete with a note', () => {
    expect(judgePoll('create', answer(400, { description: 'bad' }))).toMatchObject({ state: 'failed' });
    expect(judgePoll('create', answer(404, {})).state).toBe('failed');
    const deleted = judgePoll('delete', answer(404, {}));
    expect(deleted.state).toBe('succeeded');
    expect(codes(deleted)).toEqual(['NotFoundAfterDelete']);
  });

  it('keeps polling after any other status (flagged) and after no answer (not flagged)', () => {
    for (const status of [500, 503, 422, 401]) {
      const verdict = judgePoll('create', answer(status, { description: 'x' }));
      expect(verdict.state).toBe('in progress');
      expect(codes(verdict)).toEqual(['UnexpectedPollStatus']);
    }
    expect(judgePoll('create', { kind: 'timeout', message: 'slow' })).toEqual({
      state: 'in progress',
      notes: [],
    });
  });
});
