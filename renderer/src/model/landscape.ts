import type { Endpoints } from '../../../main/servers/control/api-types';
import { getJson } from './http';
import { useLoad } from './use-load';

const getEndpoints = () => getJson<Endpoints>('/api/endpoints');

/** The servers of this simulator with their URLs and users; they stay the same while it runs. */
export const useEndpoints = () => useLoad(getEndpoints);
