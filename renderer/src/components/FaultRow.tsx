import type { Fault, SampleCatalog } from '../../../main/servers/sample-broker/api-types';
import { removeFault } from '../model/faults';
import { useAction } from '../use-action';
import { describeFault } from '../views/fault-text';
import { ActionMessage } from './ActionMessage';

export function FaultRow({ fault, catalog }: { fault: Fault; catalog: SampleCatalog | undefined }) {
  const text = describeFault(fault, catalog);
  const { error, busy, run } = useAction();
  return (
    <tr data-testid="fault">
      <th scope="row">{text.kind}</th>
      <td>
        {text.effect}
        {fault.description ? <span className="fault-description">{fault.description}</span> : null}
      </td>
      <td>{text.scope}</td>
      <td className="fault-left">{text.left}</td>
      <td>
        <button
          type="button"
          className="link-button"
          disabled={busy}
          aria-label={`Remove the ${text.kind.toLowerCase()} fault`}
          onClick={() => run(() => removeFault(fault.id))}
        >
          remove
        </button>
        <ActionMessage error={error} />
      </td>
    </tr>
  );
}
