import type { VisibilityCreateInput, VisibilityView } from '../../../main/servers/sm/api-types';
import { getCatalog } from './catalog';
import { apiPath, getItems, request } from './http';
import { useSeen } from './live';
import { useLoad } from './use-load';

const getVisibilityData = async () => {
  const [catalog, visibilities] = await Promise.all([
    getCatalog(),
    getItems<VisibilityView>('/api/sm/visibilities'),
  ]);
  return { catalog, visibilities };
};

/** Every SM plan and the SM's visibilities, which say which platforms may see each. */
export const useVisibilities = () => useLoad(getVisibilityData, useSeen('sm.visibility'));

export const addVisibility = (visibility: VisibilityCreateInput) =>
  request('POST', '/api/sm/visibilities', visibility);

export const removeVisibility = (id: string) => request('DELETE', apiPath`/api/sm/visibilities/${id}`);
