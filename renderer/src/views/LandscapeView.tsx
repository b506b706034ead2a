import { useState } from 'react';
import { getEndpoints } from '../api';
import { FilterInput } from '../components/FilterInput';
import { LandscapeColumn } from '../components/LandscapeColumn';
import { Notice } from '../components/Notice';
import { ViewHeader } from '../components/ViewHeader';
import { useLoad } from '../use-load';
import { type Landscape, landscapeOf, matchesFilter } from './landscape-nodes';

function Columns({ landscape, filter }: { landscape: Landscape; filter: string }) {
  const keep = (nodes: Landscape['brokers']) => nodes.filter((node) => matchesFilter(node, filter));
  const { control, platforms, serviceManager, brokers } = landscape;
  const none = filter.trim() ? 'Nothing here matches the filter.' : undefined;
  return (
    <>
      <div className="landscape">
        <LandscapeColumn
          title="Platforms"
          nodes={keep(platforms)}
          empty={none ?? 'No platform is running.'}
        />
        <LandscapeColumn
          title="Service Manager"
          nodes={keep(serviceManager ? [serviceManager] : [])}
          empty={none ?? 'The Service Manager is not running.'}
        />
        <LandscapeColumn title="Brokers" nodes={keep(brokers)} empty={none ?? 'No broker is running.'} />
      </div>
      <div className="landscape-control">
        {/* The control server always runs (it serves this page), so only the filter can empty this column. */}
        <LandscapeColumn title="Control" nodes={keep([control])} empty="Nothing here matches the filter." />
      </div>
    </>
  );
}

export function LandscapeView() {
  const endpoints = useLoad(getEndpoints);
  const [filter, setFilter] = useState('');
  return (
    <section className="view">
      <ViewHeader
        title="Landscape"
        summary="The servers of this simulator: platforms call the Service Manager, which calls the brokers. Open a node to see its view."
      >
        <FilterInput label="Filter servers" value={filter} onChange={setFilter} />
      </ViewHeader>
      {endpoints.state === 'loading' ? (
        <div className="landscape landscape-loading" aria-busy="true" />
      ) : null}
      {endpoints.state === 'error' ? (
        <Notice tone="error" title="The endpoints could not be loaded.">
          {endpoints.message}. Check that smsim is still running, then reload the page.
        </Notice>
      ) : null}
      {endpoints.state === 'ok' ? <Columns landscape={landscapeOf(endpoints.data)} filter={filter} /> : null}
    </section>
  );
}
