import type { FlowSummary } from '../../../main/traffic/types';
import { FlowTime, OutcomeMark, PendingStatus } from './FlowLiveCells';
import { FlowStatusCell } from './FlowStatusCell';
import { ImportedMark } from './ImportedMark';

const time = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hour12: false,
});

interface FlowRowProps {
  flow: FlowSummary;
  selected: boolean;
  top: number;
  onOpen: () => void;
}

/** One flow of the Traffic list: a fixed-height row, placed by the virtualiser. */
export function FlowRow({ flow, selected, top, onOpen }: FlowRowProps) {
  return (
    <div
      role="option"
      aria-selected={selected}
      tabIndex={-1}
      className="flow-row"
      style={{ transform: `translateY(${top}px)` }}
      onClick={onOpen}
      onKeyDown={(event) => event.key === 'Enter' && onOpen()}
      data-testid="flow-row"
      data-flow-id={flow.id}
      data-pending={flow.pending ? 'true' : undefined}
    >
      <span className="flow-time number">{time.format(new Date(flow.startedAt))}</span>
      <span className="flow-platform">{flow.platform ?? '—'}</span>
      <span className="flow-operation">
        <span className="flow-operation-name">{flow.operation ?? 'other'}</span>
        <ImportedMark flow={flow} />
      </span>
      <code className="flow-instance" title={flow.instanceId}>
        {flow.instanceId?.slice(0, 8) ?? '—'}
      </code>
      <span className="flow-broker" title={flow.broker}>
        {flow.broker ?? '—'}
      </span>
      {flow.pending && flow.status === null ? (
        <PendingStatus />
      ) : (
        <FlowStatusCell flow={flow}>
          <OutcomeMark flow={flow} />
        </FlowStatusCell>
      )}
      <FlowTime flow={flow} />
    </div>
  );
}
