import type { ScenarioModes } from '../model/workflows';

export type ModeChoice = 'all' | 'step' | 'slow';

/** The run's modes from what the user picked: slow mode's delay is in seconds. */
export function modesOf(choice: ModeChoice, delaySeconds: number): ScenarioModes {
  if (choice === 'step') return { stepByStep: true };
  if (choice === 'slow') return { stepDelayMs: Math.round(delaySeconds * 1000) };
  return {};
}

/** How the next scenario runs: at once, step by step ("Next step" before each), or slowed by a chosen delay. */
export function ScenarioModePicker({
  choice,
  delaySeconds,
  onChoice,
  onDelay,
}: {
  choice: ModeChoice;
  delaySeconds: number;
  onChoice: (choice: ModeChoice) => void;
  onDelay: (seconds: number) => void;
}) {
  return (
    <div className="actions">
      <label>
        Run{' '}
        <select
          className="button"
          aria-label="How the scenario runs"
          value={choice}
          onChange={(event) => onChoice(event.target.value as ModeChoice)}
        >
          <option value="all">all steps at once</option>
          <option value="step">step by step</option>
          <option value="slow">slowly</option>
        </select>
      </label>
      {choice === 'slow' ? (
        <label>
          <input
            type="number"
            className="delay-input"
            min={0.1}
            max={60}
            step={0.1}
            value={delaySeconds}
            onChange={(event) => onDelay(Number(event.target.value))}
          />{' '}
          s between steps
        </label>
      ) : null}
    </div>
  );
}
