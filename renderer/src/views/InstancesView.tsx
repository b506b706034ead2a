import { useMemo, useState } from 'react';
import { ActionMessage } from '../components/ActionMessage';
import { ConnectorLines } from '../components/ConnectorLines';
import { LoadState } from '../components/LoadState';
import { ViewHeader } from '../components/ViewHeader';
import { DetachedOriginalCard } from '../instances/DetachedOriginal';
import { InstanceCard } from '../instances/InstanceCard';
import { detachedOriginalsOn, sharingLines } from '../instances/sharing-picture';
import { type InstancesData, useInstances } from '../model/instances';
import { usePlace } from '../navigation';
import { instancePlaceOf } from '../url-state';

interface ColumnsProps {
  data: InstancesData;
  selected: string | null;
  onRemoved: (message: string) => void;
}

function Columns({ data, selected, onRemoved }: ColumnsProps) {
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
            {detachedOriginalsOn(data, platform).map(({ original, references }) => (
              <DetachedOriginalCard key={original.id} original={original} references={references} />
            ))}
            {instances.map((instance) => (
              <InstanceCard
                key={instance.id}
                instance={instance}
                others={data.platforms.filter((other) => other !== platform)}
                selected={instance.id === selected}
                onRemoved={onRemoved}
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
  const [removed, setRemoved] = useState<string | null>(null);
  return (
    <section className="view">
      <ViewHeader
        title="Instances"
        summary="Every service instance and binding across the platforms; a shared instance is joined by a line to its references."
      />
      <ActionMessage error={null} done={removed} />
      <LoadState loaded={instances} what="The instances">
        {(data) => <Columns data={data} selected={selected} onRemoved={setRemoved} />}
      </LoadState>
    </section>
  );
}
