import { useState } from 'react';
import type { PlatformBindingView } from '../../../main/servers/platform/api-types';
import { CopyButton } from '../traffic/CopyButton';

/**
 * A binding's credentials, masked (only their names show) until the user asks to see them: the values are
 * secrets, shown to the one who clicks and never copied anywhere else.
 */
export function BindingCredentials({ binding }: { binding: PlatformBindingView }) {
  const [shown, setShown] = useState(false);
  const { credentials } = binding;
  if (!credentials || Object.keys(credentials).length === 0)
    return <span className="muted binding-credentials">no credentials</span>;
  const json = JSON.stringify(credentials, null, 2);
  return (
    <span className="binding-credentials" data-testid={`credentials-${binding.name}`}>
      {shown ? (
        <pre className="credentials-json">{json}</pre>
      ) : (
        <span className="credentials-masked" title="Masked: Show credentials reveals them">
          {Object.keys(credentials).map((key) => (
            <span key={key}>
              {key} <span aria-hidden="true">••••••</span>
              <span className="visually-hidden">(masked)</span>
            </span>
          ))}
        </span>
      )}
      <span className="credentials-actions">
        <button type="button" className="link-button" aria-expanded={shown} onClick={() => setShown(!shown)}>
          {shown ? 'Hide credentials' : 'Show credentials'}
        </button>
        {shown ? <CopyButton label="Copy credentials" text={json} /> : null}
      </span>
    </span>
  );
}
