import { type FormEvent, useState } from 'react';
import type { SampleCatalog } from '../../../main/servers/sample-broker/api-types';
import { addFault } from '../model/faults';
import { useAction } from '../use-action';
import { FAULT_KINDS, type FaultKindName, faultInputFrom, operationsFor } from '../views/fault-input';
import { describeFault, FAULT_KIND_LABELS } from '../views/fault-text';
import { ActionMessage } from './ActionMessage';
import { FaultKindFields } from './FaultKindFields';
import { OperationChoice } from './OperationChoice';

/**
 * Switches a fault on at the sample broker: its kind and what it answers, the plan and operations it applies
 * to, how many times; says what was switched on.
 */
export function FaultForm({ catalog }: { catalog: SampleCatalog | undefined }) {
  const [kind, setKind] = useState<FaultKindName>('status');
  const [switchedOn, setSwitchedOn] = useState<string | null>(null);
  const { error, busy, run } = useAction();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = faultInputFrom(kind, new FormData(event.currentTarget));
    setSwitchedOn(null);
    void run(async () => {
      const text = describeFault(await addFault(input), catalog);
      setSwitchedOn(`Switched on: ${text.kind} — ${text.effect}, for ${text.scope}, ${text.left}.`);
    });
  };
  return (
    <form className="panel fault-form" onSubmit={submit} aria-label="Switch a fault on">
      <div className="inline-form">
        <label className="form-row">
          Fault
          <select value={kind} onChange={(event) => setKind(event.target.value as FaultKindName)}>
            {FAULT_KINDS.map((option) => (
              <option key={option} value={option}>
                {FAULT_KIND_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        <FaultKindFields key={kind} kind={kind} />
      </div>
      <div className="inline-form">
        <label className="form-row">
          Plan
          <select name="planId" defaultValue="">
            <option value="">every plan</option>
            {catalog?.services.flatMap((service) =>
              service.plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {service.name} · {plan.name}
                </option>
              )),
            )}
          </select>
        </label>
        <label className="form-row">
          Times <input name="times" type="number" min={1} placeholder="until removed" />
        </label>
      </div>
      <OperationChoice key={operationsFor(kind).length} operations={operationsFor(kind)} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Switch on
        </button>
        <span className="toolbar-message" role="status">
          {switchedOn}
        </span>
      </div>
      <ActionMessage error={error} />
    </form>
  );
}
