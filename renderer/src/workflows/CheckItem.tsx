import type { CheckResultView, PendingCheck } from '../../../main/workflows/conformance/api-types';
import { EvidenceList } from './EvidenceList';

const STATUS_CLASS = {
  pass: 'status-ok',
  warn: 'status-warn',
  fail: 'status-error',
  skip: 'muted',
  pending: 'muted',
};

/** One check of a run: its verdict and why; opened, the rule it checks and the exchanges that prove it. */
export function CheckItem({ check }: { check: CheckResultView | PendingCheck }) {
  const line = (
    <>
      <span className={STATUS_CLASS[check.status]}>{check.status}</span> · {check.id}
      {'reason' in check && check.reason ? <span className="muted"> — {check.reason}</span> : null}
    </>
  );
  if (check.status === 'pending') return <li data-testid="check">{line}</li>;
  return (
    <li data-testid="check" data-status={check.status}>
      <details>
        <summary>{line}</summary>
        <div className="check-detail">
          <p>
            {check.name} ·{' '}
            <a href={check.spec} target="_blank" rel="noreferrer">
              the rule in the OSB spec
            </a>
          </p>
          {check.findings?.length ? (
            <ul>
              {check.findings.map((finding) => (
                <li key={finding}>{finding}</li>
              ))}
            </ul>
          ) : null}
          <EvidenceList evidence={check.evidence} />
        </div>
      </details>
    </li>
  );
}
