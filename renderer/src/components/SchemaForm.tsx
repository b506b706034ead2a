import { type FormEvent, lazy, Suspense, useState } from 'react';

const RjsfForm = lazy(() => import('./RjsfForm'));

interface SchemaFormProps {
  /** The plan's parameter schema; without one, parameters are typed as JSON. */
  schema: Record<string, unknown> | undefined;
  submitLabel: string;
  busy: boolean;
  onSubmit: (parameters: Record<string, unknown>) => void;
}

function JsonParameters({ submitLabel, busy, onSubmit }: Omit<SchemaFormProps, 'schema'>) {
  const [text, setText] = useState('{}');
  const [invalid, setInvalid] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      const parameters = JSON.parse(text || '{}') as Record<string, unknown>;
      setInvalid(null);
      onSubmit(parameters);
    } catch (error) {
      setInvalid(`The parameters are not JSON: ${(error as Error).message}. Fix them, then try again.`);
    }
  };
  return (
    <form onSubmit={submit} className="json-form">
      <label>
        Parameters (JSON; this plan has no schema)
        <textarea
          name="parameters"
          rows={3}
          value={text}
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      {invalid ? <p className="action-error">{invalid}</p> : null}
      <button type="submit" className="button button-primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}

/** A parameters form generated from a plan's JSON schema (validated before it is sent). */
export function SchemaForm({ schema, submitLabel, busy, onSubmit }: SchemaFormProps) {
  if (!schema) return <JsonParameters submitLabel={submitLabel} busy={busy} onSubmit={onSubmit} />;
  return (
    <Suspense fallback={<p className="muted">Loading the form…</p>}>
      <RjsfForm schema={schema} submitLabel={submitLabel} busy={busy} onSubmit={onSubmit} />
    </Suspense>
  );
}
