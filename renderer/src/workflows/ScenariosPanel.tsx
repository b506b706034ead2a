import { useState } from 'react';
import { ActionMessage } from '../components/ActionMessage';
import { runScenario, useScenarios } from '../model/workflows';
import { useAction } from '../use-action';
import { ScenarioRun } from './ScenarioRun';

/** The shipped scenarios, each runnable; the last run shown step by step. */
export function ScenariosPanel() {
  const scenarios = useScenarios();
  const [runId, setRunId] = useState<string | null>(null);
  const { error, busy, run } = useAction();
  if (scenarios.state !== 'ok') return null;
  const start = (file: string) => run(async () => setRunId(await runScenario(file)));
  return (
    <section className="panel" aria-label="Scenarios">
      <h2 className="panel-title">Scenarios</h2>
      <ul className="checks">
        {scenarios.data.map((entry) =>
          'error' in entry ? (
            <li key={entry.file}>
              <strong>{entry.file}</strong> <span className="status-error">{entry.error}</span>
            </li>
          ) : (
            <li key={entry.file}>
              <strong>{entry.scenario.name}</strong>{' '}
              <button type="button" className="link-button" disabled={busy} onClick={() => start(entry.file)}>
                run
              </button>
              {entry.scenario.description ? <div className="muted">{entry.scenario.description}</div> : null}
            </li>
          ),
        )}
      </ul>
      <ActionMessage error={error} />
      {runId ? <ScenarioRun id={runId} /> : null}
    </section>
  );
}
