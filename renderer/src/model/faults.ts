import type { Fault, FaultInput, SampleCatalog } from '../../../main/servers/sample-broker/api-types';
import { apiPath, getJson, getOptional, request } from './http';
import { useSeen } from './live';
import { useLoad } from './use-load';

/** What the sample broker emits whenever its faults change. */
const FAULTS_EVENT = 'sample-broker.faults';

/** The sample broker's faults, or null when it is off (its control routes are not mounted then). */
const getFaults = () => getOptional<Fault[]>('/api/sample-broker/faults');

export const useFaults = () => useLoad(getFaults, useSeen(FAULTS_EVENT));

const getSampleCatalog = () => getJson<SampleCatalog>('/api/sample-broker/catalog');

/** The sample broker's catalog (fixed while it runs): the plans a fault can be scoped to. */
export const useSampleCatalog = () => useLoad(getSampleCatalog);

export const addFault = (fault: FaultInput) => request<Fault>('POST', '/api/sample-broker/faults', fault);

export const removeFault = (id: string) => request('DELETE', apiPath`/api/sample-broker/faults/${id}`);
