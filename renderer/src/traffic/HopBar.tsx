import type { Exchange } from '../../../main/traffic/types';
import { statusClass } from '../edges';
import './hop-bar.css';
import { hopEndMs, useNow } from './live-clock';

interface HopBarProps {
  hop: Exchange;
  /** Where the flow started and how long it took (so far, while a hop is out), to place the bar. */
  startMs: number;
  totalMs: number;
  open: boolean;
  onOpen: () => void;
}

/**
 * One hop of the waterfall: its step in the operation (`poll 1`…), its ends, status and time, and a bar on
 * the flow's time line; a hop still out says "pending" and its time and bar grow until the answer.
 */
export function HopBar({ hop, startMs, totalMs, open, onOpen }: HopBarProps) {
  const at = useNow(Boolean(hop.pending));
  const durationMs = hopEndMs(hop, at) - hop.startMs;
  const span = Math.max(totalMs, 1);
  const left = ((hop.startMs - startMs) / span) * 100;
  const width = Math.max((durationMs / span) * 100, 0.5);
  const status = hop.response?.status ?? null;
  const tone = hop.pending ? 'pending' : statusClass(status);
  return (
    <button
      type="button"
      className="hop-bar"
      aria-expanded={open}
      onClick={onOpen}
      data-testid="hop"
      data-hop={hop.hop}
      data-pending={hop.pending ? 'true' : undefined}
    >
      <span className="hop-ends" title={`${hop.step ? `${hop.step}: ` : ''}${hop.from} → ${hop.to}`}>
        {hop.step ? (
          <span className="hop-step" data-testid="hop-step">
            {hop.step}
          </span>
        ) : null}
        {hop.from} → {hop.to}
      </span>
      <span className={`hop-status status-${tone}`}>
        {hop.pending ? 'pending' : (status ?? hop.error ?? '—')}
      </span>
      <span className="hop-ms number" data-testid="hop-ms">
        {durationMs.toFixed(hop.pending ? 0 : 1)} ms
      </span>
      <span className="hop-track">
        <span
          className={`hop-fill fill-${tone}`}
          data-testid="hop-fill"
          style={{ left: `${left}%`, width: `${Math.min(width, 100 - left)}%` }}
        />
      </span>
    </button>
  );
}
