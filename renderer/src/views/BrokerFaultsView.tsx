import type { Fault, SampleCatalog } from '../../../main/servers/sample-broker/api-types';
import { FaultForm } from '../components/FaultForm';
import { FaultTable } from '../components/FaultTable';
import { LoadState } from '../components/LoadState';
import { Notice } from '../components/Notice';
import { ViewHeader } from '../components/ViewHeader';
import { useFaults, useSampleCatalog } from '../model/faults';

/** The faults in force; null when the sample broker is off. */
function Faults({ faults, catalog }: { faults: Fault[] | null; catalog: SampleCatalog | undefined }) {
  if (faults === null) {
    return (
      <Notice tone="info" title="The sample broker is off.">
        This smsim runs without it, so there are no faults to show. Restart smsim without{' '}
        <code>--no-sample-broker</code>, and with <code>sampleBroker.enabled</code> not set to false in the
        config file.
      </Notice>
    );
  }
  if (faults.length === 0) {
    return (
      <div className="panel" data-testid="no-faults">
        No fault is set: the sample broker answers every call correctly.
      </div>
    );
  }
  return <FaultTable faults={faults} catalog={catalog} />;
}

export function BrokerFaultsView() {
  const faults = useFaults();
  const loadedCatalog = useSampleCatalog();
  const catalog = loadedCatalog.state === 'ok' ? loadedCatalog.data : undefined;
  return (
    <section className="view">
      <ViewHeader
        title="Broker faults"
        summary="Faults the sample broker injects into its answers: latency, error statuses, timeouts, malformed bodies, failed operations."
      />
      <div className="stack">
        <FaultForm catalog={catalog} />
        <LoadState loaded={faults} what="The faults">
          {(data) => <Faults faults={data} catalog={catalog} />}
        </LoadState>
      </div>
    </section>
  );
}
