import { useState } from 'react';
import { ActionMessage } from '../components/ActionMessage';
import { type InstanceRow, unbind } from '../model/instances';
import { useAction } from '../use-action';
import { BindingCredentials } from './BindingCredentials';
import { DetachedNote } from './DetachedOriginal';
import { InstanceActions } from './InstanceActions';
import { InstanceDetails } from './InstanceDetails';
import { InstanceForm } from './InstanceForm';

interface InstanceCardProps {
  instance: InstanceRow;
  /** The other platforms, where a shared instance can be referenced. */
  others: string[];
  /** Picked out by the URL (`#/instances?instance=…`). */
  selected?: boolean;
  /** The instance went: what to tell the user, outside the card that goes with it. */
  onRemoved: (message: string) => void;
}

/** One instance: what it is, its bindings, and the actions on it; a refusal is shown as the SM's sentence. */
export function InstanceCard({ instance, others, selected = false, onRemoved }: InstanceCardProps) {
  const action = useAction();
  const { error, done, busy, run, report } = action;
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
        {instance.service} · {instance.plan} · <span data-testid="instance-state">{instance.state}</span>
      </p>
      <DetachedNote original={instance.detachedOriginal} />
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
                onClick={() =>
                  run(
                    () => unbind(instance, binding.id),
                    () => `Unbound ${binding.name}.`,
                  )
                }
              >
                unbind
              </button>
              <BindingCredentials binding={binding} />
            </li>
          ))}
        </ul>
      ) : null}
      <InstanceActions
        instance={instance}
        others={others}
        action={action}
        onOpenForm={setForm}
        onRemoved={onRemoved}
      />
      <ActionMessage error={error} done={done} />
      {form ? (
        <InstanceForm
          instance={instance}
          mode={form}
          onDone={(said) => {
            setForm(null);
            if (said) report(said);
          }}
        />
      ) : null}
    </article>
  );
}
