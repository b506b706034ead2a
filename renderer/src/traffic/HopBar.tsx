import type { Exchange } from '../../../main/traffic/types';
import { statusClass } from '../edges';

interface HopBarProps {
  hop: Exchange;
  /** Where the flow started and how long it took, to place the bar. */
  startMs: number;
  totalMs: number;
  open: boolean;
  onOpen: () => void;
}

/** One hop of the waterfall: its ends, status and time, and a bar placed on the flow's time line. */
export function HopBar({ hop, startMs, totalMs, open, onOpen }: HopBarProps) {
  const span = Math.max(totalMs, 1);
  const left = ((hop.startMs - startMs) / span) * 100;
  const width = Math.max((hop.durationMs / span) * 100, 0.5);
  const status = hop.response?.status ?? null;
  return (
    <button
      type="button"
      className="hop-bar"
      aria-expanded={open}
      onClick={onOpen}
      data-testid="hop"
      data-hop={hop.hop}
    >
      <span className="hop-ends">
        {hop.from} → {hop.to}
      </span>
      <span className={`hop-status status-${statusClass(status)}`}>{status ?? hop.error ?? '—'}</span>
      <span className="hop-ms number">{hop.durationMs.toFixed(1)} ms</span>
      <span className="hop-track">
        <span
          className={`hop-fill fill-${statusClass(status)}`}
          style={{ left: `${left}%`, width: `${Math.min(width, 100 - left)}%` }}
        />
      </span>
    </button>
  );
}
