import type { Exchange } from '../../../main/traffic/types';
import { CopyButton } from './CopyButton';
import { curlOf } from './curl';
import { MessageView } from './MessageView';

/** One hop opened: what was sent and answered, the spec notes on it, and the request as curl. */
export function HopDetail({ hop }: { hop: Exchange }) {
  return (
    <div className="hop-detail" data-testid="hop-detail">
      <div className="hop-detail-head">
        <code className="hop-request-line">
          {hop.method} {hop.url}
        </code>
        <CopyButton label="Copy as curl" text={curlOf(hop)} />
      </div>
      {hop.notes.length > 0 ? (
        <ul className="spec-notes" aria-label="Spec notes">
          {hop.notes.map((note) => (
            <li key={note.code} className={`spec-note note-${note.level}`}>
              <strong>{note.code}</strong> {note.message}
            </li>
          ))}
        </ul>
      ) : null}
      {hop.error ? (
        <p className="notice notice-error">
          No answer: {hop.error}
          {hop.errorDetail ? ` (${hop.errorDetail})` : ''}.
        </p>
      ) : null}
      <div className="messages">
        <MessageView title="Request" message={hop.request} />
        <MessageView title="Response" message={hop.response} />
      </div>
    </div>
  );
}
