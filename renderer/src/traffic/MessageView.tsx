import type { CapturedMessage } from '../../../main/traffic/types';
import { prettyBody } from './pretty-body';

/** The headers and the pretty body of a request or response. */
export function MessageView({ title, message }: { title: string; message: CapturedMessage | undefined }) {
  if (!message) return null;
  const body = prettyBody(message.body);
  return (
    <section className="message" aria-label={title}>
      <h3>{title}</h3>
      <table className="headers">
        <tbody>
          {Object.entries(message.headers).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {body ? (
        <pre className="body" data-testid={`${title.toLowerCase()}-body`}>
          {body}
        </pre>
      ) : (
        <p className="muted">No body.</p>
      )}
      {message.truncated ? <p className="muted">Only the start of the body was kept.</p> : null}
    </section>
  );
}
