import { useMemo } from 'react';
import { ConnectorLines } from '../components/ConnectorLines';
import { EdgeStatsRow } from '../components/EdgeStatsRow';
import { FilterInput } from '../components/FilterInput';
import { LandscapeColumn } from '../components/LandscapeColumn';
import { LoadState } from '../components/LoadState';
import { ViewHeader } from '../components/ViewHeader';
import { useLandscape } from '../model/landscape';
import { useLive } from '../model/live';
import { mapLoaded } from '../model/use-load';
import { useUrlParam } from '../navigation';
import { useNow } from '../use-now';
import { formatCount, landscapeConnectors, serviceManagerCalls } from './landscape-edges';
import { type Landscape, type LandscapeNode, landscapeOf, matchesFilter } from './landscape-nodes';
import './landscape.css';

function ServiceManagerCalls({ landscape }: { landscape: Landscape }) {
  const { fromPlatforms, toBrokers } = serviceManagerCalls(landscape.edges);
  return (
    <span className="node-calls" data-testid="node-calls">
      <span className="number">{formatCount(fromPlatforms)}</span> from platforms ·{' '}
      <span className="number">{formatCount(toBrokers)}</span> to brokers
    </span>
  );
}

function Columns({ landscape, filter }: { landscape: Landscape; filter: string }) {
  const keep = (nodes: LandscapeNode[]) => nodes.filter((node) => matchesFilter(node, filter));
  const { control, platforms, serviceManager, brokers, rateWindowSeconds } = landscape;
  const none = filter.trim() ? 'Nothing here matches the filter.' : undefined;
  const hits = useLive((state) => state.edges);
  const now = useNow(500);
  const connectors = useMemo(() => landscapeConnectors(landscape, hits, now), [landscape, hits, now]);
  const edgeStats = (caption: string) => (node: LandscapeNode) =>
    node.edge && <EdgeStatsRow edge={node.edge} caption={caption} rateWindowSeconds={rateWindowSeconds} />;
  return (
    <>
      <div className="landscape">
        <ConnectorLines connectors={connectors} />
        <LandscapeColumn
          title="Platforms"
          nodes={keep(platforms)}
          detail={edgeStats('calls to the Service Manager')}
          empty={none ?? 'No platform is running.'}
        />
        <LandscapeColumn
          title="Service Manager"
          nodes={keep(serviceManager ? [serviceManager] : [])}
          detail={() => <ServiceManagerCalls landscape={landscape} />}
          empty={none ?? 'The Service Manager is not running.'}
        />
        <LandscapeColumn
          title="Brokers"
          nodes={keep(brokers)}
          detail={edgeStats('calls from the Service Manager')}
          empty={none ?? 'No broker is registered in the Service Manager.'}
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
  const answer = useLandscape();
  const [filter, setFilter] = useUrlParam('filter');
  const landscape = useMemo(() => mapLoaded(answer, landscapeOf), [answer]);
  return (
    <section className="view">
      <ViewHeader
        title="Landscape"
        summary="The servers of this simulator and every broker of its Service Manager: platforms call the Service Manager, which calls the brokers. The calls on each line are counted by the simulator. Open a node to see its view."
      >
        <FilterInput label="Filter servers" value={filter} onChange={setFilter} />
      </ViewHeader>
      <LoadState loaded={landscape} what="The landscape" loadingClassName="landscape landscape-loading">
        {(data) => <Columns landscape={data} filter={filter} />}
      </LoadState>
    </section>
  );
}
