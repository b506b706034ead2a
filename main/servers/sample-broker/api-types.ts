/** What `/api/sample-broker/faults` takes (POST) and answers (GET: the faults in force). */

/** What `/api/sample-broker/catalog` answers. */
export type { Catalog as SampleCatalog } from '../../core/sample-broker/catalog-types';
export type { Fault, FaultInput } from '../../core/sample-broker/fault-schema';
