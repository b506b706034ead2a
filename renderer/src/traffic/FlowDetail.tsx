import type { FlowDetail as Flow } from '../../../main/traffic/types';
import { Notice } from '../components/Notice';
import { useFlow } from '../model/traffic';
import { instanceHref } from '../url-state';
import { HopBar } from './HopBar';
import { HopDetail } from './HopDetail';
import { ImportedMark } from './ImportedMark';
import { useWaterfallSpan } from './live-clock';
import { useOpenHop } from './use-traffic-place';

function Waterfall({ flow }: { flow: Flow }) {
  const [open, setOpen] = useOpenHop();
  const { startMs, totalMs } = useWaterfallSpan(flow.hops);
  const opened = flow.hops.find((hop) => hop.id === open);
  return (
    <>
      <section className="waterfall" aria-label="Hops">
        {flow.hops.map((hop) => (
          <HopBar
            key={hop.id}
            hop={hop}
            startMs={startMs}
            totalMs={totalMs}
            open={hop.id === open}
            onOpen={() => setOpen(hop.id === open ? null : hop.id)}
          />
        ))}
      </section>
      {opened ? (
        <HopDetail hop={opened} />
      ) : (
        <p className="muted">Open a hop to see its request and answer.</p>
      )}
    </>
  );
}

/** The opened flow: its hops as a waterfall, reloaded while new hops of it arrive. */
export function FlowDetail({ id }: { id: string }) {
  const flow = useFlow(id);
  if (flow.state === 'loading') return <div className="flow-detail" aria-busy="true" />;
  if (flow.state === 'error') {
    return (
      <div className="flow-detail">
        <Notice tone="error" title="This flow could not be loaded.">
          {flow.message}
        </Notice>
      </div>
    );
  }
  const { platform, operation, instanceId } = flow.data;
  return (
    <div className="flow-detail" data-testid="flow-detail">
      <h2 className="flow-detail-title">
        {operation ?? 'call'} {platform ? `from ${platform}` : ''}{' '}
        {instanceId ? (
          <a href={instanceHref(instanceId)} title="Show this instance">
            <code>{instanceId}</code>
          </a>
        ) : null}
        <ImportedMark flow={flow.data} />
      </h2>
      <Waterfall key={id} flow={flow.data} />
    </div>
  );
}
