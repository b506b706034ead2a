import { type FormEvent, useState } from 'react';
import type { FaultInput } from '../../../main/servers/sample-broker/api-types';
import { osbOperations } from '../../../shared/osb-operations';
import { addFault } from '../model/faults';
import { useAction } from '../use-action';
import { ActionMessage } from './ActionMessage';

const KINDS = ['status', 'latency', 'timeout', 'malformed', 'failLastOperation', 'down'] as const;

/** Switches a fault on at the sample broker: its kind, status or latency, the operation, how many times. */
export function FaultForm() {
  const [kind, setKind] = useState<(typeof KINDS)[number]>('status');
  const { error, busy, run } = useAction();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const number = (name: string) => (form.get(name) ? Number(form.get(name)) : undefined);
    const operation = String(form.get('operation') ?? '');
    const fault = {
      kind,
      ...(kind === 'status' || kind === 'malformed' ? { status: number('status') } : {}),
      ...(kind === 'latency' ? { latencyMs: number('latencyMs') } : {}),
      ...(operation ? { operations: [operation] } : {}),
      ...(number('times') ? { times: number('times') } : {}),
    };
    // The form's fields fit the kind chosen; the server checks the rest and says what is wrong.
    void run(() => addFault(fault as FaultInput));
  };
  return (
    <form className="inline-form panel" onSubmit={submit} aria-label="Switch a fault on">
      <label className="form-row">
        Fault
        <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
          {KINDS.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      </label>
      {kind === 'status' || kind === 'malformed' ? (
        <label className="form-row">
          Status <input name="status" type="number" min={100} max={599} defaultValue={500} />
        </label>
      ) : null}
      {kind === 'latency' ? (
        <label className="form-row">
          Latency ms <input name="latencyMs" type="number" min={0} defaultValue={1000} />
        </label>
      ) : null}
      <label className="form-row">
        Operation
        <select name="operation" defaultValue="">
          <option value="">every operation</option>
          {osbOperations.map((operation) => (
            <option key={operation}>{operation}</option>
          ))}
        </select>
      </label>
      <label className="form-row">
        Times <input name="times" type="number" min={1} placeholder="until removed" />
      </label>
      <button type="submit" className="button button-primary" disabled={busy}>
        Switch on
      </button>
      <ActionMessage error={error} />
    </form>
  );
}
