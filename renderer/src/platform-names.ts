import { getItems } from './api';

/** The names of the running platforms (`GET /api/platforms`). */
export const getPlatformNames = async () =>
  (await getItems<{ name: string }>('/api/platforms')).map((platform) => platform.name);
