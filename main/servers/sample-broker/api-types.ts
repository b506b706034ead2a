/** What `/api/sample-broker/faults` takes (POST) and answers (GET: the faults in force). */
export type { Fault, FaultInput } from '../../core/sample-broker/fault-schema';
