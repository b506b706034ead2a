import { useMemo } from 'react';
import { type Connector, ConnectorLines } from '../components/ConnectorLines';
import { LoadState } from '../components/LoadState';
import { ViewHeader } from '../components/ViewHeader';
import { InstanceCard } from '../instances/InstanceCard';
import { type InstancesData, useInstances } from '../model/instances';
import { usePlace } from '../navigation';
import { instancePlaceOf } from '../url-state';

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

function Columns({ data, selected }: { data: InstancesData; selected: string | null }) {
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
                selected={instance.id === selected}
              />
            ))}
          </section>
        );
      })}
    </div>
  );
}

export function InstancesView() {
  const instances = useInstances();
  const { instance: selected } = instancePlaceOf(usePlace().params);
  return (
    <section className="view">
      <ViewHeader
        title="Instances"
        summary="Every service instance and binding across the platforms; a shared instance is joined by a line to its references."
      />
      <LoadState loaded={instances} what="The instances">
        {(data) => <Columns data={data} selected={selected} />}
      </LoadState>
    </section>
  );
}
