import { describe, expect, it } from 'vitest';
import type { CallResult } from '../../main/core/platform/notes';
import {
  ORPHAN_MAX_ATTEMPTS,
  orphanReason,
  orphanRetryDelayMs,
  orphanStep,
} from '../../main/core/platform/orphans';

const answer = (status: number, body?: unknown): CallResult => ({
  kind: 'answer',
  status,
  headers: {},
  body,
  text: body === undefined ? '{"broken' : JSON.stringify(body),
});

describe('orphan mitigation: when', () => {
  it.each([
    ['a 201 with a malformed body', answer(201), true],
    ['a 202 with a malformed body', answer(202), true],
    ['another 2xx', answer(204, {}), true],
    ['a 5xx', answer(500, { description: 'boom' }), true],
    ['a 504 from the SM', answer(504, { description: 'slow' }), true],
    ['a timeout', { kind: 'timeout', message: 'slow' } as CallResult, true],
    ['a 200', answer(200, {}), false],
    ['a 201 with a JSON object', answer(201, {}), false],
    ['a 202 with a JSON object', answer(202, { operation: 'x' }), false],
    ['a 408', answer(408, {}), false],
    ['a 409', answer(409, {}), false],
    ['a 422 ConcurrencyError', answer(422, { error: 'ConcurrencyError' }), false],
    ['a 400', answer(400, {}), false],
    [
      'an unreachable proxy (nothing sent)',
      { kind: 'unreachable', message: 'ECONNREFUSED' } as CallResult,
      false,
    ],
  ])('after %s: %s', (_what, result, mitigate) => {
    expect(orphanReason(result) !== undefined).toBe(mitigate);
  });
});

describe('orphan mitigation: the DELETE', () => {
  it('is done on 200 and 410, polled on 202, retried on anything else', () => {
    expect(orphanStep(answer(200, {}))).toBe('done');
    expect(orphanStep(answer(410, {}))).toBe('done');
    expect(orphanStep(answer(202, { operation: 'x' }))).toBe('poll');
    expect(orphanStep(answer(500, {}))).toBe('retry');
    expect(orphanStep(answer(422, {}))).toBe('retry');
    expect(orphanStep({ kind: 'timeout', message: 'slow' })).toBe('retry');
  });

  it('backs off, capped, a bounded number of times', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => orphanRetryDelayMs(attempt))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect(ORPHAN_MAX_ATTEMPTS).toBeGreaterThan(1);
    expect(ORPHAN_MAX_ATTEMPTS).toBeLessThanOrEqual(10);
  });
});
