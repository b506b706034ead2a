import type { CapturedMessage } from '../../../main/traffic/types';
import { CopyButton } from './CopyButton';
import { IdentityHeader } from './IdentityHeader';
import { JsonTree } from './JsonTree';
import { parsedBody, prettyBody } from './pretty-body';

const IDENTITY_HEADER = 'x-broker-api-originating-identity';

function Body({ title, body }: { title: string; body: string | undefined }) {
  if (!body) return <p className="muted">No body.</p>;
  const testId = `${title.toLowerCase()}-body`;
  const json = parsedBody(body);
  return (
    <>
      <div className="message-body-head">
        <CopyButton label={json ? 'Copy JSON' : 'Copy body'} text={json ? prettyBody(body) : body} />
      </div>
      {json ? (
        <JsonTree value={json.value} testId={testId} />
      ) : (
        <pre className="body" data-testid={testId}>
          {body}
        </pre>
      )}
    </>
  );
}

/** The status line (answers), headers and body of a request or response; the originating identity decoded. */
export function MessageView({
  title,
  message,
  statusLine,
}: {
  title: string;
  message: CapturedMessage | undefined;
  statusLine?: string;
}) {
  if (!message) return null;
  return (
    <section className="message" aria-label={title}>
      <h3>{title}</h3>
      {statusLine ? (
        <code className="status-line" data-testid="status-line">
          {statusLine}
        </code>
      ) : null}
      <table className="headers">
        <tbody>
          {Object.entries(message.headers).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{name === IDENTITY_HEADER ? <IdentityHeader header={value} /> : value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Body title={title} body={message.body} />
      {message.truncated ? <p className="muted">Only the start of the body was kept.</p> : null}
    </section>
  );
}
