import { useState } from 'react';
import { ActionMessage } from '../components/ActionMessage';
import { deprovision, type InstanceRow, reference, share, unbind } from '../model/instances';
import { useAction } from '../use-action';
import { BindingCredentials } from './BindingCredentials';
import { InstanceDetails } from './InstanceDetails';
import { InstanceForm } from './InstanceForm';

interface InstanceCardProps {
  instance: InstanceRow;
  /** The other platforms, where a shared instance can be referenced. */
  others: string[];
  /** Picked out by the URL (`#/instances?instance=…`). */
  selected?: boolean;
}

/** One instance: what it is, its bindings, and the actions on it; a refusal is shown as the SM's sentence. */
export function InstanceCard({ instance, others, selected = false }: InstanceCardProps) {
  const { error, busy, run } = useAction();
  const [form, setForm] = useState<'update' | 'bind' | null>(null);
  return (
    <article
      className="panel instance-card"
      data-anchor={instance.id}
      data-testid={`instance-${instance.name}`}
      aria-label={`${instance.name} on ${instance.platform}`}
      aria-current={selected || undefined}
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
      <InstanceDetails instance={instance} selected={selected} />
      {instance.bindings.length ? (
        <ul className="bindings">
          {instance.bindings.map((binding) => (
            <li key={binding.id}>
              {binding.name}{' '}
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() => run(() => unbind(instance, binding.id))}
              >
                unbind
              </button>
              <BindingCredentials binding={binding} />
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
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => run(() => share(instance, !instance.shared))}
          >
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
                onClick={() => run(() => reference(instance, platform))}
              >
                Reference on {platform}
              </button>
            ))
          : null}
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => run(() => deprovision(instance))}
        >
          Deprovision
        </button>
      </div>
      <ActionMessage error={error} />
      {form ? <InstanceForm instance={instance} mode={form} onDone={() => setForm(null)} /> : null}
    </article>
  );
}
