import type { EvidenceView } from '../../../main/workflows/conformance/api-types';
import { prettyBody } from '../traffic/pretty-body';
import { flowHref } from '../url-state';

const bodyText = (body: unknown) =>
  body === undefined ? '' : typeof body === 'string' ? prettyBody(body) : JSON.stringify(body, null, 2);

function Body({ label, body }: { label: string; body: unknown }) {
  const text = bodyText(body);
  if (!text) return null;
  return (
    <details className="evidence-body">
      <summary>{label}</summary>
      <pre>{text}</pre>
    </details>
  );
}

/** The exchanges that prove a check's result: each request and answer, and a link to its flow in Traffic. */
export function EvidenceList({ evidence }: { evidence: EvidenceView[] }) {
  if (evidence.length === 0) return <p className="muted">No exchange: this check reads no answer.</p>;
  return (
    <ol className="evidence" aria-label="Evidence">
      {evidence.map((exchange, index) => {
        const path = new URL(exchange.url).pathname;
        return (
          // The exchanges of one check never change order, and a URL may repeat (a poll).
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index} data-testid="evidence">
            <code>
              {exchange.method} {path}
            </code>{' '}
            → <strong>{exchange.status ?? exchange.error ?? 'no answer'}</strong>{' '}
            <span className="muted">({exchange.durationMs} ms)</span>{' '}
            {exchange.flowId ? (
              <a href={flowHref(exchange.flowId)}>open in Traffic</a>
            ) : (
              <span className="muted">no longer in Traffic</span>
            )}
            <Body label="request body" body={exchange.requestBody} />
            <Body label="response body" body={exchange.responseBody} />
          </li>
        );
      })}
    </ol>
  );
}
