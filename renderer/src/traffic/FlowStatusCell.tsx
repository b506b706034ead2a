import './traffic-cells.css';
import type { ReactNode } from 'react';
import type { FlowSummary } from '../../../main/traffic/types';
import { NOTE_FLAG_TITLES, statusText, statusTone } from './flow-cells';

/**
 * The Status column: the code (or the failure) coloured by code and spec notes, and the notes' flag, which
 * never shrinks: a long text is cut, the flag stays. `children` (a mark) go between the two.
 */
export function FlowStatusCell({ flow, children }: { flow: FlowSummary; children?: ReactNode }) {
  const text = statusText(flow);
  const level = flow.hasNotes ? (flow.noteLevel ?? 'info') : undefined;
  return (
    <span
      className={`flow-status status-${statusTone(flow)}`}
      data-testid="flow-status"
      title={flow.error ?? undefined}
    >
      <span className="flow-status-text">{text}</span>
      {children}
      {level ? (
        <span
          className={`note-flag note-flag-${level}`}
          role="img"
          aria-label={NOTE_FLAG_TITLES[level]}
          title={NOTE_FLAG_TITLES[level]}
          data-testid="note-flag"
          data-level={level}
        >
          ⚑
        </span>
      ) : null}
    </span>
  );
}
