import { isObject } from '../is-object';
import type { CallResult } from './notes';

/**
 * Orphan mitigation (OSB 2.17): after a create the platform cannot trust, the broker may hold a resource the
 * platform does not know, so the platform deletes it until the broker accepts.
 */
/** Why a create's first answer calls for orphan mitigation; undefined when it does not. */
export function orphanReason(result: CallResult): string | undefined {
  if (result.kind === 'timeout') return 'the request timed out';
  // Unreachable: nothing was sent.
  if (result.kind !== 'answer') return undefined;
  const { status, body } = result;
  if (status === 200) return undefined;
  if (status === 201 || status === 202)
    return isObject(body) ? undefined : `the broker answered ${status} with a malformed body`;
  if (status >= 200 && status < 300)
    return `the broker answered ${status}, which OSB does not define for a create`;
  if (status >= 500) return `the create failed with ${status}`;
  // 408, 409, 422 (ConcurrencyError included) and every other 4xx: nothing was made.
  return undefined;
}

/** A create accepted (202) and then reported `failed`, or polled past its limit, may have left something behind. */
export const orphanReasonAfterPolling = (why: 'failed' | 'expired'): string =>
  why === 'failed' ? 'the asynchronous create failed' : 'polling exceeded the maximum polling duration';

/** What one answer to the mitigating DELETE means. */
export type OrphanStep = 'done' | 'poll' | 'retry';

export function orphanStep(result: CallResult): OrphanStep {
  if (result.kind !== 'answer') return 'retry';
  if (result.status === 200 || result.status === 410) return 'done';
  return result.status === 202 ? 'poll' : 'retry';
}

/** Retries of the mitigating DELETE: bounded, with backoff. */
export const ORPHAN_MAX_ATTEMPTS = 8;

export function orphanRetryDelayMs(attempt: number, baseMs = 500, capMs = 8000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
