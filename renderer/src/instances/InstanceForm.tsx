import { type ReactNode, useState } from 'react';
import { ActionMessage } from '../components/ActionMessage';
import { SchemaForm } from '../components/SchemaForm';
import { bind, type InstanceRow, updateInstance } from '../model/instances';
import { useAction } from '../use-action';
import { useFormFocus } from '../use-form-focus';
import { planActions } from './plan-actions';

interface InstanceFormProps {
  instance: InstanceRow;
  mode: 'update' | 'bind';
  /** Closes the form; `said` is what the action did, when it succeeded. */
  onDone: (said?: ReactNode) => void;
}

const stateWords = (state: string) => (state === 'in progress' ? 'started (in progress)' : state);

/** Update (another plan, new parameters) or bind an instance, parameters from the plan's schemas. */
export function InstanceForm({ instance, mode, onDone }: InstanceFormProps) {
  const [planName, setPlanName] = useState(instance.plan);
  const { error, busy, run } = useAction();
  const section = useFormFocus<HTMLElement>(() => onDone());
  const plans = planActions(instance).updatePlans;
  const plan = plans.find((candidate) => candidate.name === planName);
  const submit = async (parameters: Record<string, unknown>) => {
    let said: ReactNode = null;
    const done = await run(async () => {
      if (mode === 'update') {
        const changes = { ...(planName === instance.plan ? {} : { plan: planName }), parameters };
        const updated = await updateInstance(instance, changes);
        said = `Update of ${instance.name} (plan ${updated.plan}) ${stateWords(updated.state)}.`;
      } else {
        const name = `${instance.name}-binding-${instance.bindings.length + 1}`;
        const binding = await bind(instance, { name, parameters });
        said = `Bound ${instance.name} as ${binding.name}: ${stateWords(binding.state)}.`;
      }
    });
    if (done) onDone(said);
  };
  const schema =
    mode === 'update'
      ? plan?.schemas?.service_instance?.update?.parameters
      : plan?.schemas?.service_binding?.create?.parameters;
  return (
    <section
      ref={section}
      tabIndex={-1}
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
      <button type="button" className="link-button" onClick={() => onDone()}>
        cancel
      </button>
    </section>
  );
}
