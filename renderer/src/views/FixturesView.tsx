import { getItems } from '../api';
import { Notice } from '../components/Notice';
import { ViewHeader } from '../components/ViewHeader';
import { ConformancePanel } from '../fixtures/ConformancePanel';
import { RecordingsPanel } from '../fixtures/RecordingsPanel';
import { ReplayPanel } from '../fixtures/ReplayPanel';
import { ScenariosPanel } from '../fixtures/ScenariosPanel';
import { useSeen } from '../store';
import { useLoad } from '../use-load';

const getBrokers = () => getItems<{ id: string; name: string }>('/api/sm/service_brokers');

export function FixturesView() {
  const brokers = useLoad(getBrokers, useSeen('sm.broker'));
  return (
    <section className="view">
      <ViewHeader
        title="Fixtures"
        summary="Recordings of OSB traffic, scenarios run step by step, and the OSB conformance check of a broker."
      />
      {brokers.state === 'loading' ? <div className="panel panel-loading" aria-busy="true" /> : null}
      {brokers.state === 'error' ? (
        <Notice tone="error" title="The brokers could not be loaded.">
          {brokers.message}. Check that smsim is still running, then reload the page.
        </Notice>
      ) : null}
      {brokers.state === 'ok' ? (
        <div className="stack">
          <ConformancePanel brokers={brokers.data} />
          <RecordingsPanel brokers={brokers.data} />
          <ReplayPanel brokers={brokers.data} />
          <ScenariosPanel />
        </div>
      ) : null}
    </section>
  );
}
