import { useState } from 'react';
import { request } from '../api';
import { ActionMessage } from '../components/ActionMessage';
import { useAction } from '../use-action';
import { InstanceForm } from './InstanceForm';
import type { InstanceRow } from './instance-data';

interface InstanceCardProps {
  instance: InstanceRow;
  /** The other platforms, where a shared instance can be referenced. */
  others: string[];
}

/** One instance: what it is, its bindings, and the actions on it; a refusal is shown as the SM's sentence. */
export function InstanceCard({ instance, others }: InstanceCardProps) {
  const { error, busy, run } = useAction();
  const [form, setForm] = useState<'update' | 'bind' | null>(null);
  const base = `/api/platforms/${encodeURIComponent(instance.platform)}`;
  const share = (shared: boolean) =>
    run(() => request('PATCH', `/api/sm/service_instances/${instance.id}`, { shared }));
  const reference = (platform: string) =>
    run(() =>
      request('POST', `/api/platforms/${encodeURIComponent(platform)}/service_instances`, {
        name: `${instance.name}-ref`,
        service: instance.service,
        plan: 'reference-instance',
        parameters: { referenced_instance_id: instance.id },
      }),
    );
  return (
    <article
      className="panel instance-card"
      data-anchor={instance.id}
      data-testid={`instance-${instance.name}`}
      aria-label={`${instance.name} on ${instance.platform}`}
    >
      <header className="broker-head">
        <strong>{instance.name}</strong>
        <span className="chip">
          {instance.shared ? 'shared' : instance.referencedInstanceId ? 'reference' : instance.state}
        </span>
      </header>
      <p className="muted instance-what">
        {instance.service} · {instance.plan} · {instance.state}
      </p>
      {instance.bindings.length ? (
        <ul className="bindings">
          {instance.bindings.map((binding) => (
            <li key={binding.id}>
              {binding.name}{' '}
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() => run(() => request('DELETE', `${base}/service_bindings/${binding.id}`))}
              >
                unbind
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        <button type="button" className="button" onClick={() => setForm('bind')}>
          Bind…
        </button>
        {instance.referencedInstanceId ? null : (
          <button type="button" className="button" onClick={() => setForm('update')}>
            Update…
          </button>
        )}
        {instance.referencedInstanceId ? null : (
          <button type="button" className="button" disabled={busy} onClick={() => share(!instance.shared)}>
            {instance.shared ? 'Unshare' : 'Share'}
          </button>
        )}
        {instance.shared
          ? others.map((platform) => (
              <button
                key={platform}
                type="button"
                className="button"
                disabled={busy}
                onClick={() => reference(platform)}
              >
                Reference on {platform}
              </button>
            ))
          : null}
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => run(() => request('DELETE', `${base}/service_instances/${instance.id}`))}
        >
          Deprovision
        </button>
      </div>
      <ActionMessage error={error} />
      {form ? <InstanceForm instance={instance} mode={form} onDone={() => setForm(null)} /> : null}
    </article>
  );
}
