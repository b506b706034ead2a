import { getSampleBrokerFaults } from '../api';
import { FaultForm } from '../components/FaultForm';
import { FaultTable } from '../components/FaultTable';
import { Notice } from '../components/Notice';
import { ViewHeader } from '../components/ViewHeader';
import { useSeen } from '../store';
import { useLoad } from '../use-load';

/** What the sample broker emits whenever its faults change. */
const FAULTS_EVENT = 'sample-broker.faults';

function Faults() {
  const faults = useLoad(getSampleBrokerFaults, useSeen(FAULTS_EVENT));
  switch (faults.state) {
    case 'loading':
      return <div className="panel panel-loading" aria-busy="true" />;
    case 'error':
      return (
        <Notice tone="error" title="The faults could not be loaded.">
          {faults.message}. Check that smsim is still running, then reload the page.
        </Notice>
      );
  }
  if (faults.data === null) {
    return (
      <Notice tone="info" title="The sample broker is off.">
        This smsim runs without it, so there are no faults to show. Restart smsim without{' '}
        <code>--no-sample-broker</code>, and with <code>sampleBroker.enabled</code> not set to false in the
        config file.
      </Notice>
    );
  }
  if (faults.data.length === 0) {
    return (
      <div className="panel" data-testid="no-faults">
        No fault is set: the sample broker answers every call correctly.
      </div>
    );
  }
  return <FaultTable faults={faults.data} />;
}

export function BrokerFaultsView() {
  return (
    <section className="view">
      <ViewHeader
        title="Broker faults"
        summary="Faults the sample broker injects into its answers: latency, error statuses, timeouts, malformed bodies, failed operations."
      />
      <div className="stack">
        <FaultForm />
        <Faults />
      </div>
    </section>
  );
}
