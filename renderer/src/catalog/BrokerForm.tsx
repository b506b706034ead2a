import type { FormEvent } from 'react';
import type { BrokerView } from '../../../main/servers/sm/api-types';
import { ActionMessage } from '../components/ActionMessage';
import { registerBroker, updateBroker } from '../model/catalog';
import { useAction } from '../use-action';

/** Registers a broker, or edits one (a blank password keeps the one the SM has). */
export function BrokerForm({ broker, onDone }: { broker?: BrokerView; onDone: () => void }) {
  const { error, busy, run } = useAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const credentials = { basic: { username: text('username'), password: text('password') } };
    const fields = { name: text('name'), broker_url: text('broker_url') };
    // Registering asks for both (the inputs are required); an edit sends them only when one is typed.
    const done = await run(() =>
      broker
        ? updateBroker(broker.id, {
            ...fields,
            ...(text('username') || text('password') ? { credentials } : {}),
          })
        : registerBroker({ ...fields, credentials }),
    );
    if (done) onDone();
  };
  return (
    <form
      className="inline-form"
      onSubmit={submit}
      aria-label={broker ? `Edit ${broker.name}` : 'Register a broker'}
    >
      <label className="form-row">
        Name <input name="name" required defaultValue={broker?.name} />
      </label>
      <label className="form-row">
        URL <input name="broker_url" type="url" required defaultValue={broker?.broker_url} />
      </label>
      <label className="form-row">
        User <input name="username" required={!broker} autoComplete="off" />
      </label>
      <label className="form-row">
        Password <input name="password" type="password" required={!broker} autoComplete="new-password" />
      </label>
      <button type="submit" className="button button-primary" disabled={busy}>
        {broker ? 'Save' : 'Register'}
      </button>
      <button type="button" className="button" onClick={onDone}>
        Cancel
      </button>
      <ActionMessage error={error} />
    </form>
  );
}
