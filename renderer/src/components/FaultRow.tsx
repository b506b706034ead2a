import type { Fault, SampleCatalog } from '../../../main/servers/sample-broker/api-types';
import { removeFault } from '../model/faults';
import { describeFault } from '../views/fault-text';

export function FaultRow({ fault, catalog }: { fault: Fault; catalog: SampleCatalog | undefined }) {
  const text = describeFault(fault, catalog);
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
        <button type="button" className="link-button" onClick={() => removeFault(fault.id)}>
          remove
        </button>
      </td>
    </tr>
  );
}
