import { DEFAULT_LIMITS } from '../../core/limits';
import type { SmLists } from '../../core/platform/reconcile';
import { limitedHttpSend } from '../../traffic';
import { type BasicCredentials, basicAuthHeader } from '../../traffic/basic-auth';

/** On node:http, as the platform's other hops: global fetch would load undici (~50 ms) before the first sync. */
const send = limitedHttpSend(DEFAULT_LIMITS);

interface Page<T> {
  items: T[];
  token?: string;
}

/** Every item of a `/v1` list, page by page, as the platform's proxy sees it (its own credentials). */
async function listAll<T>(
  smUrl: string,
  path: string,
  credentials: BasicCredentials,
  signal: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const query = new URLSearchParams({ max_items: '200', ...(token ? { token } : {}) });
    const response = await send(`${smUrl}${path}?${query}`, {
      method: 'GET',
      headers: { Authorization: basicAuthHeader(credentials), Accept: 'application/json' },
      signal,
    });
    if (response.status < 200 || response.status > 299)
      throw new Error(`GET ${path} answered ${response.status}: ${response.text.slice(0, 300)}`);
    const page = JSON.parse(response.text) as Page<T>;
    items.push(...page.items);
    token = page.token;
  } while (token);
  return items;
}

/** What a full resync needs from the SM: its brokers, the visibilities of this platform, and their plans. */
export async function fetchSmLists(
  smUrl: string,
  credentials: BasicCredentials,
  timeoutMs: number,
): Promise<SmLists> {
  const signal = AbortSignal.timeout(timeoutMs);
  const [brokers, visibilities, plans] = await Promise.all([
    listAll<SmLists['brokers'][number]>(smUrl, '/v1/service_brokers', credentials, signal),
    listAll<SmLists['visibilities'][number]>(smUrl, '/v1/visibilities', credentials, signal),
    listAll<SmLists['plans'][number]>(smUrl, '/v1/service_plans', credentials, signal),
  ]);
  return { brokers, visibilities, plans };
}
