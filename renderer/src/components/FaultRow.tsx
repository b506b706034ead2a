import { type Fault, request } from '../api';
import { describeFault } from '../views/fault-text';

export function FaultRow({ fault }: { fault: Fault }) {
  const text = describeFault(fault);
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
          onClick={() => request('DELETE', `/api/sample-broker/faults/${fault.id}`)}
        >
          remove
        </button>
      </td>
    </tr>
  );
}
