import { useEffect, useRef } from 'react';
import type { InstanceRow } from '../model/instances';
import { timeAgo } from '../time-ago';
import { instanceHref, trafficHref } from '../url-state';
import { useNow } from '../use-now';
import './instance-details.css';

interface InstanceDetailsProps {
  instance: InstanceRow;
  /** Picked out by the URL (a link from one of its flows): scrolled into sight. */
  selected: boolean;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

/** A description other than the type and state again ("Create succeeded."), e.g. why it failed. */
const saysMore = ({ type, state, description }: InstanceRow['last_operation']) =>
  description !== '' && words(description) !== words(`${type} ${state}`);

/** What identifies an instance at the broker and what last happened to it, with the way to its flows. */
export function InstanceDetails({ instance, selected }: InstanceDetailsProps) {
  const now = useNow(10_000);
  const anchor = useRef<HTMLDListElement>(null);
  useEffect(() => {
    if (selected) anchor.current?.scrollIntoView({ block: 'center' });
  }, [selected]);
  const operation = instance.last_operation;
  return (
    <>
      <dl className="instance-details" ref={anchor}>
        <dt>OSB id</dt>
        <dd>
          <a href={instanceHref(instance.id)} title="A link to this instance">
            <code data-testid="osb-id">{instance.id}</code>
          </a>
        </dd>
        <dt>Last operation</dt>
        <dd data-testid="last-operation" className={`operation-${operation.state.replace(' ', '-')}`}>
          {operation.type} {operation.state} ·{' '}
          <time dateTime={operation.updated_at} title={operation.updated_at}>
            {timeAgo(operation.updated_at, now)}
          </time>
          {saysMore(operation) ? <span className="muted"> — {operation.description}</span> : null}
        </dd>
      </dl>
      <a className="instance-flows" href={trafficHref({ instance: instance.id })}>
        Flows of this instance →
      </a>
    </>
  );
}
