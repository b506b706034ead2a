import type { FlowSummary } from '../../../main/traffic/types';
import { statusClass } from '../edges';

/** Longest failure word shown as it is in the Status column; a longer failure reads "no answer". */
const SHORT_FAILURE_CHARS = 11;

/** What the Status column shows: the code, else the failure word (`timeout`, `unreachable`). */
export function statusText(flow: Pick<FlowSummary, 'status' | 'error'>): string {
  if (flow.status !== null) return String(flow.status);
  const error = flow.error ?? '';
  return error && error.length <= SHORT_FAILURE_CHARS ? error : 'no answer';
}

/**
 * The colour of a flow's status: by its code, but a spec note as grave as an error or a warning colours a
 * success too — a 201 with a malformed body is not a green 201.
 */
export function statusTone(flow: Pick<FlowSummary, 'status' | 'noteLevel'>): ReturnType<typeof statusClass> {
  const byCode = statusClass(flow.status);
  if (byCode !== 'ok') return byCode;
  if (flow.noteLevel === 'error') return 'error';
  return flow.noteLevel === 'warn' ? 'warn' : 'ok';
}

/** A flow's total time in at most 7 characters: `184 ms`, `4321 ms`, then seconds (`12.3 s`, `153 s`). */
export function durationText(ms: number): string {
  if (ms < 10_000) return `${ms.toFixed(0)} ms`;
  return ms < 100_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(0)} s`;
}

export const NOTE_FLAG_TITLES = {
  info: 'Spec notes (information) — open the flow to read them',
  warn: 'Spec notes with a warning — open the flow to read them',
  error: 'Spec notes with an error — open the flow to read them',
} as const;
