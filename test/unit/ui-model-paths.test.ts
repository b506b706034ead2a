import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiPath } from '../../renderer/src/model/http';
import { deprovision, type InstanceRow, unbind } from '../../renderer/src/model/instances';
import { provision } from '../../renderer/src/model/platforms';

/** A platform name that is not one path segment as it stands. */
const PLATFORM = 'cf dev/eu#1';
const ENCODED = 'cf%20dev%2Feu%231';

/** Answers every call with `{}` and keeps what was called. */
function stubFetch() {
  const calls: Array<{ url: string; method: string | undefined }> = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url, method: init?.method });
    return new Response('{}', { status: 201, headers: { 'Content-Type': 'application/json' } });
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the UI model builds control API paths', () => {
  it('encodes every interpolated value as one path segment', () => {
    expect(apiPath`/api/platforms/${PLATFORM}/service_instances/${'a/b'}`).toBe(
      `/api/platforms/${ENCODED}/service_instances/a%2Fb`,
    );
    expect(apiPath`/api/flows`).toBe('/api/flows');
  });

  it('provisions on a platform whose name needs encoding', async () => {
    const calls = stubFetch();
    await provision(PLATFORM, { name: 'db', service: 'sample-db', plan: 'small', parameters: {} });
    expect(calls).toEqual([{ url: `/api/platforms/${ENCODED}/service_instances`, method: 'POST' }]);
  });

  it('deprovisions and unbinds there too', async () => {
    const calls = stubFetch();
    const instance = { id: 'i-1', platform: PLATFORM } as InstanceRow;
    await deprovision(instance);
    await unbind(instance, 'b-1');
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      `DELETE /api/platforms/${ENCODED}/service_instances/i-1`,
      `DELETE /api/platforms/${ENCODED}/service_bindings/b-1`,
    ]);
  });
});
