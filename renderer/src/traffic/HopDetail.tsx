import './hop-detail.css';
import type { Exchange } from '../../../main/traffic/types';
import { fetchHopCredentials } from '../model/hop-credentials';
import { CopyButton } from './CopyButton';
import { CREDENTIALS_PLACEHOLDER, curlOf } from './curl';
import { MessageView } from './MessageView';
import { QueryTable } from './QueryTable';
import { statusLine } from './status-line';

function CurlButtons({ hop }: { hop: Exchange }) {
  const authorized = 'authorization' in hop.request.headers;
  return (
    <span className="hop-detail-actions">
      <CopyButton
        label="Copy as curl"
        text={curlOf(hop)}
        title={
          authorized
            ? `Credentials as ${CREDENTIALS_PLACEHOLDER}: set SMSIM_USER and SMSIM_PASSWORD, or use Copy with credentials`
            : undefined
        }
      />
      {authorized ? (
        <CopyButton
          label="Copy with credentials"
          title="The command with the real credentials of this call, for you to run"
          text={async () => curlOf(hop, await fetchHopCredentials(hop.id))}
        />
      ) : null}
    </span>
  );
}

/** One hop opened: the request line and query, what was answered, the spec notes on it, and copy as curl. */
export function HopDetail({ hop }: { hop: Exchange }) {
  return (
    <div className="hop-detail" data-testid="hop-detail">
      <div className="hop-detail-head">
        <code className="hop-request-line">
          {hop.method} {hop.url}
        </code>
        <CurlButtons hop={hop} />
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
        <QueryTable url={hop.url} />
        <MessageView title="Request" message={hop.request} />
        <MessageView
          title="Response"
          message={hop.response}
          statusLine={hop.response ? statusLine(hop.response.status) : undefined}
        />
      </div>
    </div>
  );
}
