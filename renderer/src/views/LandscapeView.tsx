import { useMemo, useState } from 'react';
import { ConnectorLines } from '../components/ConnectorLines';
import { FilterInput } from '../components/FilterInput';
import { LandscapeColumn } from '../components/LandscapeColumn';
import { LoadState } from '../components/LoadState';
import { ViewHeader } from '../components/ViewHeader';
import { useEndpoints } from '../model/landscape';
import { useLive } from '../model/live';
import { mapLoaded } from '../model/use-load';
import { useNow } from '../use-now';
import { callCounts, landscapeConnectors } from './landscape-edges';
import { type Landscape, landscapeOf, matchesFilter } from './landscape-nodes';

function Columns({ landscape, filter }: { landscape: Landscape; filter: string }) {
  const keep = (nodes: Landscape['brokers']) => nodes.filter((node) => matchesFilter(node, filter));
  const { control, platforms, serviceManager, brokers } = landscape;
  const none = filter.trim() ? 'Nothing here matches the filter.' : undefined;
  const hits = useLive((state) => state.edges);
  const now = useNow(500);
  const connectors = useMemo(() => landscapeConnectors(landscape, hits, now), [landscape, hits, now]);
  const calls = useMemo(() => callCounts(hits), [hits]);
  return (
    <>
      <div className="landscape">
        <ConnectorLines connectors={connectors} />
        <LandscapeColumn
          title="Platforms"
          nodes={keep(platforms)}
          calls={calls}
          empty={none ?? 'No platform is running.'}
        />
        <LandscapeColumn
          title="Service Manager"
          nodes={keep(serviceManager ? [serviceManager] : [])}
          calls={calls}
          empty={none ?? 'The Service Manager is not running.'}
        />
        <LandscapeColumn
          title="Brokers"
          nodes={keep(brokers)}
          calls={calls}
          empty={none ?? 'No broker is running.'}
        />
      </div>
      <div className="landscape-control">
        {/* The control server always runs (it serves this page), so only the filter can empty this column. */}
        <LandscapeColumn title="Control" nodes={keep([control])} empty="Nothing here matches the filter." />
      </div>
    </>
  );
}

export function LandscapeView() {
  const endpoints = useEndpoints();
  const [filter, setFilter] = useState('');
  const landscape = useMemo(() => mapLoaded(endpoints, landscapeOf), [endpoints]);
  return (
    <section className="view">
      <ViewHeader
        title="Landscape"
        summary="The servers of this simulator: platforms call the Service Manager, which calls the brokers. Open a node to see its view."
      >
        <FilterInput label="Filter servers" value={filter} onChange={setFilter} />
      </ViewHeader>
      <LoadState loaded={landscape} what="The endpoints" loadingClassName="landscape landscape-loading">
        {(data) => <Columns landscape={data} filter={filter} />}
      </LoadState>
    </section>
  );
}
