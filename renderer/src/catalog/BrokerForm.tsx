import type { FormEvent } from 'react';
import { request } from '../api';
import { ActionMessage } from '../components/ActionMessage';
import { useAction } from '../use-action';
import type { SmBroker } from './catalog-data';

/** Registers a broker, or edits one (a blank password keeps the one the SM has). */
export function BrokerForm({ broker, onDone }: { broker?: SmBroker; onDone: () => void }) {
  const { error, busy, run } = useAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const credentials =
      text('username') || text('password')
        ? { credentials: { basic: { username: text('username'), password: text('password') } } }
        : {};
    const body = { name: text('name'), broker_url: text('broker_url'), ...credentials };
    const done = await run(() =>
      broker
        ? request('PATCH', `/api/sm/service_brokers/${broker.id}`, body)
        : request('POST', '/api/sm/service_brokers', body),
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
