import type { Fault, SampleCatalog } from '../../../main/servers/sample-broker/api-types';
import { FaultRow } from './FaultRow';

export function FaultTable({ faults, catalog }: { faults: Fault[]; catalog: SampleCatalog | undefined }) {
  return (
    <div className="panel table-panel">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Fault</th>
            <th scope="col">The broker…</th>
            <th scope="col">Applies to</th>
            <th scope="col">Fires</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {faults.map((fault) => (
            <FaultRow key={fault.id} fault={fault} catalog={catalog} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
