import type { Fault, FaultInput } from '../../../main/servers/sample-broker/api-types';
import { apiPath, getOptional, request } from './http';
import { useSeen } from './live';
import { useLoad } from './use-load';

/** What the sample broker emits whenever its faults change. */
const FAULTS_EVENT = 'sample-broker.faults';

/** The sample broker's faults, or null when it is off (its control routes are not mounted then). */
const getFaults = () => getOptional<Fault[]>('/api/sample-broker/faults');

export const useFaults = () => useLoad(getFaults, useSeen(FAULTS_EVENT));

export const addFault = (fault: FaultInput) => request('POST', '/api/sample-broker/faults', fault);

export const removeFault = (id: string) => request('DELETE', apiPath`/api/sample-broker/faults/${id}`);
