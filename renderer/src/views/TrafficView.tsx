import { Notice } from '../components/Notice';
import { ViewHeader } from '../components/ViewHeader';
import { useFlows } from '../model/flows';
import { usePlatformNames } from '../model/platforms';
import { FlowDetail } from '../traffic/FlowDetail';
import { FlowList } from '../traffic/FlowList';
import { queryOf } from '../traffic/flow-query';
import { SplitPane } from '../traffic/SplitPane';
import { TrafficFilters } from '../traffic/TrafficFilters';
import { TrafficToolbar } from '../traffic/TrafficToolbar';
import { useTrafficPlace } from '../traffic/use-traffic-place';

const numberFormat = new Intl.NumberFormat();
/** The list with every column whole (see .flow-row in styles.css). */
const LIST_MIN_PX = 520;

export function TrafficView() {
  const { filters, setFilters, selected, setSelected } = useTrafficPlace();
  const flows = useFlows(filters);
  const platforms = usePlatformNames();
  return (
    <section className="view view-fill">
      <ViewHeader
        title="Traffic"
        summary="Every OSB call that crosses the landscape, live, one row per user action with the hops it took."
      >
        <TrafficToolbar filters={filters} />
      </ViewHeader>
      <TrafficFilters
        filters={filters}
        platforms={platforms.state === 'ok' ? platforms.data : []}
        onChange={setFilters}
      />
      {flows.error ? (
        <Notice tone="error" title="The flows could not be loaded.">
          {flows.error}
        </Notice>
      ) : null}
      <SplitPane
        className="traffic"
        label="Resize the flow list"
        storageKey="smsim.traffic.split"
        defaultPercent={55}
        minFirstPx={LIST_MIN_PX}
        minSecondPx={320}
        first={
          <div className="traffic-list">
            <div className="flow-head" aria-hidden="true">
              <span>Time</span>
              <span>Platform</span>
              <span>Operation</span>
              <span>Instance</span>
              <span>Broker</span>
              <span>Status</span>
              <span>Total</span>
            </div>
            <FlowList flows={flows.items} selected={selected} onSelect={setSelected} onEnd={flows.loadMore} />
            <p
              className="traffic-count"
              data-testid="flow-count"
              data-query={flows.query ?? undefined}
              data-shown={queryOf(filters)}
              aria-busy={flows.loading}
            >
              {numberFormat.format(flows.items.length)}
              {flows.next === null ? '' : '+'} shown of {numberFormat.format(flows.total)} flows in the buffer
            </p>
          </div>
        }
        second={
          selected ? (
            <FlowDetail id={selected} />
          ) : (
            <div className="flow-detail muted">Select a flow (click, or the arrow keys) to see its hops.</div>
          )
        }
      />
    </section>
  );
}
