import type { HopCredentials } from '../../../main/servers/control/api-types';
import { apiPath, request } from './http';

/** The credentials a captured call needs to be sent again: asked for only when the user asks to copy them. */
export const fetchHopCredentials = (exchangeId: string) =>
  request<HopCredentials>('POST', apiPath`/api/exchanges/${exchangeId}/credentials`);
