import { useState } from 'react';
import { ActionMessage } from '../components/ActionMessage';
import { SchemaForm } from '../components/SchemaForm';
import { bind, type InstanceRow, updateInstance } from '../model/instances';
import { useAction } from '../use-action';

interface InstanceFormProps {
  instance: InstanceRow;
  mode: 'update' | 'bind';
  onDone: () => void;
}

/** Update (another plan, new parameters) or bind an instance, parameters from the plan's schemas. */
export function InstanceForm({ instance, mode, onDone }: InstanceFormProps) {
  const [planName, setPlanName] = useState(instance.plan);
  const { error, busy, run } = useAction();
  const plans = instance.offering?.plans ?? [];
  const plan = plans.find((candidate) => candidate.name === planName);
  const submit = async (parameters: Record<string, unknown>) => {
    const done = await run(() =>
      mode === 'update'
        ? updateInstance(instance, { ...(planName === instance.plan ? {} : { plan: planName }), parameters })
        : bind(instance, { name: `${instance.name}-binding-${instance.bindings.length + 1}`, parameters }),
    );
    if (done) onDone();
  };
  const schema =
    mode === 'update'
      ? plan?.schemas?.service_instance?.update?.parameters
      : plan?.schemas?.service_binding?.create?.parameters;
  return (
    <section
      className="instance-form"
      aria-label={`${mode === 'update' ? 'Update' : 'Bind'} ${instance.name}`}
    >
      {mode === 'update' ? (
        <label className="form-row">
          Plan
          <select value={planName} onChange={(event) => setPlanName(event.target.value)}>
            {plans.map((candidate) => (
              <option key={candidate.id}>{candidate.name}</option>
            ))}
          </select>
        </label>
      ) : null}
      <SchemaForm
        schema={schema}
        submitLabel={mode === 'update' ? 'Update' : 'Bind'}
        busy={busy}
        onSubmit={submit}
      />
      <ActionMessage error={error} />
      <button type="button" className="link-button" onClick={onDone}>
        cancel
      </button>
    </section>
  );
}
