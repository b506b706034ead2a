import { LoadState } from '../components/LoadState';
import { ViewHeader } from '../components/ViewHeader';
import { useBrokers } from '../model/catalog';
import { ConformancePanel } from '../workflows/ConformancePanel';
import { RecordingsPanel } from '../workflows/RecordingsPanel';
import { ReplayPanel } from '../workflows/ReplayPanel';
import { ScenariosPanel } from '../workflows/ScenariosPanel';

/** Recordings, replays, scenarios and the conformance check: the workflows run against the brokers. */
export function WorkflowsView() {
  const brokers = useBrokers();
  return (
    <section className="view">
      <ViewHeader
        title="Fixtures"
        summary="Recordings of OSB traffic, scenarios run step by step, and the OSB conformance check of a broker."
      />
      <LoadState loaded={brokers} what="The brokers">
        {(data) => (
          <div className="stack">
            <ConformancePanel brokers={data} />
            <RecordingsPanel brokers={data} />
            <ReplayPanel brokers={data} />
            <ScenariosPanel />
          </div>
        )}
      </LoadState>
    </section>
  );
}
