import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange, FlowDetail, FlowPage } from '../../main/traffic';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

let t: TestSimulator;
let controlUrl: string;
beforeAll(async () => {
  t = await startTestSimulator();
  controlUrl = t.simulator.endpoints.control.url;
});
afterAll(async () => {
  await t?.cleanup();
});

const getJson = async <T>(path: string) => (await (await fetch(`${controlUrl}/api${path}`)).json()) as T;

/** What the UI's page sends: browsers mark a same-origin fetch so. */
const askAsTheUi = (exchangeId: string) =>
  fetch(`${controlUrl}/api/exchanges/${exchangeId}/credentials`, {
    method: 'POST',
    headers: { 'Sec-Fetch-Site': 'same-origin' },
  });

/** The hop's request sent again with the credentials served for it (what "Copy with credentials" runs). */
async function resend(hop: Exchange, credentials: { username: string; password: string }) {
  const headers: Record<string, string> = { ...hop.request.headers };
  for (const name of ['authorization', 'content-length', 'host', 'connection']) delete headers[name];
  headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  return fetch(hop.url, { method: hop.method, headers });
}

describe('POST /api/exchanges/:id/credentials', () => {
  it('serves each hop of the catalog fetches the credentials its receiver takes: they work', async () => {
    const catalogs = (await getJson<FlowPage>('/flows?operation=catalog')).items;
    const hops = (
      await Promise.all(catalogs.map((flow) => getJson<FlowDetail>(`/flows/${flow.id}`)))
    ).flatMap((flow) => flow.hops);
    const receivers = new Set<string>();
    for (const hop of hops) {
      const answer = await askAsTheUi(hop.id);
      expect(answer.status, hop.hop).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      const credentials = (await answer.json()) as { username: string; password: string; of: string };
      expect((await resend(hop, credentials)).status, `${hop.hop}: ${credentials.of}`).toBe(200);
      receivers.add(hop.to);
    }
    expect(receivers).toEqual(new Set(['proxy:cf-dev', 'proxy:k8s-dev', 'sm', 'broker:sample']));
  });

  it('refuses a script (no same-origin page) and says where scripts find credentials', async () => {
    const answer = await fetch(`${controlUrl}/api/exchanges/1/credentials`, { method: 'POST' });
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({
      error: 'NotTheUi',
      description: expect.stringContaining('/api/endpoints'),
    });
  });

  it('answers 404 with a sentence for a call that is not held', async () => {
    const answer = await askAsTheUi('999999999');
    expect(answer.status).toBe(404);
    expect((await answer.json()).description).toContain('evicted or cleared');
  });
});
