import type { ScenarioRun } from '../../../main/workflows/scenarios/api-types';
import { flowHref } from '../url-state';

const STATE_CLASS = {
  passed: 'status-ok',
  failed: 'status-error',
  running: 'status-warn',
  pending: 'muted',
  skipped: 'muted',
};

/** One step of a scenario run: its state and title, why it failed, and links to the flows it began in Traffic. */
export function ScenarioStep({ step, next }: { step: ScenarioRun['steps'][number]; next: boolean }) {
  return (
    <li
      className={STATE_CLASS[step.state]}
      data-testid="scenario-step"
      data-state={step.state}
      aria-current={next ? 'step' : undefined}
    >
      {next ? 'next' : step.state} · {step.title} <span className="muted">({step.platform})</span>
      {step.message ? <span className="muted"> — {step.message}</span> : null}
      {step.flows.length ? (
        <span className="step-flows">
          {' '}
          ·{' '}
          {step.flows.map((flowId, index) => (
            <a key={flowId} href={flowHref(flowId)} title={`flow ${flowId}`}>
              {step.flows.length === 1 ? 'its flow in Traffic' : `flow ${index + 1}`}
            </a>
          ))}
        </span>
      ) : null}
    </li>
  );
}
