import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';

interface RjsfFormProps {
  schema: Record<string, unknown>;
  submitLabel: string;
  busy: boolean;
  onSubmit: (parameters: Record<string, unknown>) => void;
}

/** The generated form itself: loaded on first use, so the form library stays out of the main bundle. */
export default function RjsfForm({ schema, submitLabel, busy, onSubmit }: RjsfFormProps) {
  const { $schema: _draft, ...rest } = schema;
  return (
    <Form
      className="schema-form"
      schema={rest as RJSFSchema}
      validator={validator}
      disabled={busy}
      uiSchema={{ 'ui:submitButtonOptions': { submitText: submitLabel } }}
      onSubmit={({ formData }) => onSubmit((formData ?? {}) as Record<string, unknown>)}
    />
  );
}
