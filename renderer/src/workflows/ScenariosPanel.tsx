import { useState } from 'react';
import { ActionMessage } from '../components/ActionMessage';
import { useShownRun } from '../model/shown-runs';
import { runScenario, useScenarios } from '../model/workflows';
import { useAction } from '../use-action';
import { type ModeChoice, modesOf, ScenarioModePicker } from './ScenarioModePicker';
import { ScenarioRun } from './ScenarioRun';

/** The shipped scenarios, each runnable at once, step by step or slowly; the last run shown step by step. */
export function ScenariosPanel() {
  const scenarios = useScenarios();
  const runId = useShownRun('scenario');
  const { error, busy, run } = useAction();
  const [choice, setChoice] = useState<ModeChoice>('all');
  const [delaySeconds, setDelaySeconds] = useState(1);
  if (scenarios.state !== 'ok') return null;
  const start = (file: string) => run(() => runScenario(file, modesOf(choice, delaySeconds)));
  return (
    <section className="panel" aria-label="Scenarios">
      <h2 className="panel-title">Scenarios</h2>
      <ScenarioModePicker
        choice={choice}
        delaySeconds={delaySeconds}
        onChoice={setChoice}
        onDelay={setDelaySeconds}
      />
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
