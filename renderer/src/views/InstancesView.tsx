import { useMemo } from 'react';
import { type Connector, ConnectorLines } from '../components/ConnectorLines';
import { Notice } from '../components/Notice';
import { ViewHeader } from '../components/ViewHeader';
import { InstanceCard } from '../instances/InstanceCard';
import { getInstances, type InstancesData } from '../instances/instance-data';
import { useSeenAny } from '../store';
import { useLoad } from '../use-load';

/** A line from each shared instance to every instance that references it. */
function sharingLines(data: InstancesData): Connector[] {
  return data.instances.flatMap((instance) =>
    instance.referencedInstanceId
      ? [
          {
            from: instance.referencedInstanceId,
            to: instance.id,
            className: 'share-line',
            testId: `share-${instance.referencedInstanceId}--${instance.id}`,
          },
        ]
      : [],
  );
}

function Columns({ data }: { data: InstancesData }) {
  const lines = useMemo(() => sharingLines(data), [data]);
  return (
    <div className="instance-columns">
      <ConnectorLines connectors={lines} />
      {data.platforms.map((platform) => {
        const instances = data.instances.filter((instance) => instance.platform === platform);
        return (
          <section key={platform} className="instance-column" aria-label={platform}>
            <h2 className="column-title">{platform}</h2>
            {instances.length === 0 ? <p className="column-empty">No instance on {platform} yet.</p> : null}
            {instances.map((instance) => (
              <InstanceCard
                key={instance.id}
                instance={instance}
                others={data.platforms.filter((other) => other !== platform)}
              />
            ))}
          </section>
        );
      })}
    </div>
  );
}

export function InstancesView() {
  const data = useLoad(
    getInstances,
    useSeenAny('platform.instance', 'platform.binding', 'sm.instance', 'sm.sharing'),
  );
  return (
    <section className="view">
      <ViewHeader
        title="Instances"
        summary="Every service instance and binding across the platforms; a shared instance is joined by a line to its references."
      />
      {data.state === 'loading' ? <div className="panel panel-loading" aria-busy="true" /> : null}
      {data.state === 'error' ? (
        <Notice tone="error" title="The instances could not be loaded.">
          {data.message}. Check that smsim is still running, then reload the page.
        </Notice>
      ) : null}
      {data.state === 'ok' ? <Columns data={data.data} /> : null}
    </section>
  );
}
