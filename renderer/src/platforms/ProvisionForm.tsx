import { useState } from 'react';
import type {
  MarketplaceOffering,
  MarketplacePlan,
  PlatformInstanceView,
} from '../../../main/servers/platform/api-types';
import { ActionMessage } from '../components/ActionMessage';
import { SchemaForm } from '../components/SchemaForm';
import { provision } from '../model/platforms';
import { useAction } from '../use-action';
import { useFormFocus } from '../use-form-focus';

interface ProvisionFormProps {
  platform: string;
  offering: MarketplaceOffering;
  plan: MarketplacePlan;
  /** Closes the form; `made` is the instance a successful provision made. */
  onDone: (made?: PlatformInstanceView) => void;
}

/** Provisions an instance of a plan on a platform, parameters from the plan's create schema. */
export function ProvisionForm({ platform, offering, plan, onDone }: ProvisionFormProps) {
  const { error, busy, run } = useAction();
  const section = useFormFocus<HTMLElement>(() => onDone());
  const [name, setName] = useState(`${offering.name}-${Date.now() % 10000}`);
  const submit = async (parameters: Record<string, unknown>) => {
    let made: PlatformInstanceView | undefined;
    const done = await run(async () => {
      made = await provision(platform, {
        name: name.trim(),
        service: offering.name,
        plan: plan.name,
        parameters,
      });
    });
    if (done) onDone(made);
  };
  return (
    <section
      ref={section}
      tabIndex={-1}
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
      <button type="button" className="button" onClick={() => onDone()}>
        Close
      </button>
    </section>
  );
}
