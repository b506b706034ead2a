import { useState } from 'react';
import type { MarketplaceOffering, MarketplacePlan } from '../../../main/servers/platform/api-types';
import { ActionMessage } from '../components/ActionMessage';
import { SchemaForm } from '../components/SchemaForm';
import { provision } from '../model/platforms';
import { useAction } from '../use-action';

interface ProvisionFormProps {
  platform: string;
  offering: MarketplaceOffering;
  plan: MarketplacePlan;
  onDone: () => void;
}

/** Provisions an instance of a plan on a platform, parameters from the plan's create schema. */
export function ProvisionForm({ platform, offering, plan, onDone }: ProvisionFormProps) {
  const { error, busy, run } = useAction();
  const [name, setName] = useState(`${offering.name}-${Date.now() % 10000}`);
  const submit = async (parameters: Record<string, unknown>) => {
    const done = await run(() =>
      provision(platform, {
        name: name.trim(),
        service: offering.name,
        plan: plan.name,
        parameters,
      }),
    );
    if (done) onDone();
  };
  return (
    <section
      className="panel provision"
      aria-label={`Provision ${offering.name} ${plan.name} on ${platform}`}
    >
      <h3 className="panel-title">
        New {offering.name} · {plan.name} on {platform}
      </h3>
      <label className="form-row">
        Instance name
        <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <SchemaForm
        schema={plan.schemas?.service_instance?.create?.parameters}
        submitLabel="Provision"
        busy={busy}
        onSubmit={submit}
      />
      <ActionMessage error={error} />
      <button type="button" className="button" onClick={onDone}>
        Close
      </button>
    </section>
  );
}
