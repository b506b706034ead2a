import { PlannedView } from '../components/PlannedView';

export function FixturesView() {
  return (
    <PlannedView
      title="Fixtures"
      summary="Recorded OSB traffic to replay against a broker build, scenarios, and the conformance check."
      planned={[
        'Record and stop, and the list of recordings.',
        'Replay a recording against a broker with live progress, then the diff.',
        'Run a scenario step by step, and the conformance check with its results.',
      ]}
    />
  );
}
