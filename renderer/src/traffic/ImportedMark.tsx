import type { FlowSummary } from '../../../main/traffic/types';
import './imported-mark.css';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Says a flow was read from a HAR file rather than captured here, and when it was made (its day too). */
export function ImportedMark({ flow }: { flow: Pick<FlowSummary, 'imported' | 'startedAt'> }) {
  if (!flow.imported) return null;
  return (
    <span
      className="chip imported-mark"
      data-testid="imported-mark"
      title={`Imported from a HAR file; started ${when.format(new Date(flow.startedAt))}`}
    >
      imported
    </span>
  );
}
