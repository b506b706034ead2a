import type { FlowSummary } from '../../../main/traffic/types';
import { durationText } from './flow-cells';
import './flow-live.css';
import { useNow } from './live-clock';

type Live = Pick<FlowSummary, 'pending' | 'startedAt' | 'durationMs'>;

/** The Total column: the flow's time, growing while a call of it is out. */
export function FlowTime({ flow }: { flow: Live }) {
  const at = useNow(Boolean(flow.pending));
  const ms = flow.pending ? Math.max(flow.durationMs, at - Date.parse(flow.startedAt)) : flow.durationMs;
  return (
    <span className="flow-ms number" data-testid="flow-ms">
      {durationText(ms)}
    </span>
  );
}

/** The Status column while the initiator's call is still out: no code yet, and no failure either. */
export function PendingStatus() {
  return (
    <span className="flow-status status-pending" data-testid="flow-status">
      <span className="flow-status-text">pending</span>
    </span>
  );
}

const outcomes = {
  pending: { sign: '…', words: 'The operation is still in progress' },
  succeeded: { sign: '✓', words: 'The operation succeeded' },
  failed: { sign: '✗', words: 'The operation failed' },
} as const;

/**
 * How an operation ended, next to the status where the status does not say it: an accepted (202) one is
 * decided by its polls, and a 2xx the platform could not use ends in orphan mitigation. A sign, so the
 * narrow Status column keeps the code whole.
 */
export function OutcomeMark({ flow }: { flow: Pick<FlowSummary, 'status' | 'outcome'> }) {
  const { status, outcome } = flow;
  const accepted = status === 202;
  const undone = outcome === 'failed' && status !== null && status < 300;
  if (!accepted && !undone) return null;
  const { sign, words } = outcomes[outcome];
  return (
    <span
      className={`outcome-mark outcome-${outcome}`}
      role="img"
      aria-label={words}
      title={words}
      data-testid="outcome-mark"
      data-outcome={outcome}
    >
      {sign}
    </span>
  );
}
