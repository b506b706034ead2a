import { isObject } from '../is-object';
import { originOf } from './hops';
import { type CallResult, note, type SpecNote } from './notes';
import type { OperationState, OperationType } from './state';

/** How a platform polls `last_operation` (all in milliseconds). */
export interface PollingPolicy {
  /** Between polls when the broker sends no `Retry-After`. */
  intervalMs: number;
  /** The longest wait a `Retry-After` may impose. */
  capMs: number;
  /** The platform's limit on polling one operation; a plan's `maximum_polling_duration` may shorten it. */
  maxDurationMs: number;
}

const HTTP_DATE_PARTS = [/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\b/i, /\b\d\d:\d\d:\d\d\b/];

/**
 * `Retry-After` as delay-seconds or an HTTP date; undefined when absent or unreadable (`-5`, `1.5`, `soon`).
 * An HTTP date (any of its three forms) has a month name and a time: `Date.parse` alone reads `-5` as a year.
 */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!HTTP_DATE_PARTS.every((part) => part.test(text))) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** No platform polls in a tight loop, whatever its interval. */
const MIN_POLL_MS = 100;
/** The shortest wait a `Retry-After` may ask for (a platform with a shorter own interval keeps that). */
const MIN_RETRY_AFTER_MS = 1000;

/**
 * The wait before the next poll: `Retry-After` honoured between 1 s (or the platform's interval when shorter)
 * and the cap; without a readable one, the platform's interval.
 */
export function nextPollDelayMs(policy: PollingPolicy, retryAfter: string | undefined, now: number): number {
  const asked = retryAfterMs(retryAfter, now);
  if (asked === undefined) return Math.max(MIN_POLL_MS, policy.intervalMs);
  const floor = Math.max(MIN_POLL_MS, Math.min(MIN_RETRY_AFTER_MS, policy.intervalMs));
  return Math.max(floor, Math.min(asked, policy.capMs));
}

/** When polling gives up: the plan's `maximum_polling_duration` or the platform limit, whichever is first. */
export function pollingDeadline(startedAtMs: number, policy: PollingPolicy, planMaxSeconds?: number): number {
  const plan = planMaxSeconds && planMaxSeconds > 0 ? planMaxSeconds * 1000 : Number.POSITIVE_INFINITY;
  return startedAtMs + Math.min(plan, policy.maxDurationMs);
}

export interface PollVerdict {
  state: OperationState;
  description?: string;
  notes: SpecNote[];
}

const states: readonly string[] = ['in progress', 'succeeded', 'failed'];
const pending = (...notes: SpecNote[]): PollVerdict => ({ state: 'in progress', notes });

/** A 200 answer: its `state` decides, anything else is the broker's mistake and polling goes on. */
function judgeState(body: unknown): PollVerdict {
  if (!isObject(body))
    return pending(
      note('error', 'MalformedBody', 'last_operation answered 200 with a body that is not a JSON object.'),
    );
  const description = typeof body.description === 'string' ? body.description : undefined;
  if (typeof body.state !== 'string' || !states.includes(body.state)) {
    return pending(
      note(
        'error',
        'InvalidState',
        `last_operation answered state ${JSON.stringify(body.state)}; OSB allows "in progress", "succeeded" and "failed".`,
      ),
    );
  }
  return { state: body.state as OperationState, notes: [], ...(description ? { description } : {}) };
}

/**
 * What one `last_operation` answer means (OSB 2.17 and the platform rules of docs/osb.md): 410 ends a
 * delete and is invalid otherwise; 400 fails; 404 fails a create or update and ends a delete (with a
 * note: 410 is the answer for gone); any other status keeps polling and is flagged.
 */
export function judgePoll(type: OperationType, result: CallResult): PollVerdict {
  if (result.kind !== 'answer') return pending();
  const { status } = result;
  if (status === 200) return judgeState(result.body);
  const said = originOf(result).said;
  if (status === 410) {
    if (type === 'delete') return { state: 'succeeded', notes: [] };
    return pending(
      note(
        'warn',
        'UnexpectedGone',
        `last_operation answered 410 Gone while polling a ${type}; that is only valid after a delete. Polling goes on.`,
      ),
    );
  }
  if (status === 404 && type === 'delete') {
    return {
      state: 'succeeded',
      notes: [
        note(
          'warn',
          'NotFoundAfterDelete',
          'last_operation answered 404 after a delete; OSB expects 410 Gone.',
        ),
      ],
    };
  }
  if (status === 400 || status === 404) return { state: 'failed', description: said, notes: [] };
  return pending(
    note(
      'warn',
      'UnexpectedPollStatus',
      `last_operation answered ${status}${said ? ` (${said})` : ''}; only 200, 400, 404 and 410 are defined. Polling goes on.`,
    ),
  );
}

/** A `Retry-After` the platform could not read. */
export function retryAfterNotes(result: CallResult, now: number): SpecNote[] {
  if (result.kind !== 'answer') return [];
  const value = result.headers['retry-after'];
  if (value === undefined || retryAfterMs(value, now) !== undefined) return [];
  return [
    note(
      'warn',
      'InvalidRetryAfter',
      `Retry-After "${value}" is neither seconds nor an HTTP date; the platform's own interval is used.`,
    ),
  ];
}
