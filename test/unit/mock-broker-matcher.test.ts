import { describe, expect, it } from 'vitest';
import { classifyOsb } from '../../main/traffic';
import { MockMatcher } from '../../main/workflows/mock-broker/matcher';
import type { RecordedExchange } from '../../main/workflows/replay/load';

const RECORDED_ID = '11111111-1111-4111-8111-111111111111';
const LIVE_ID = '22222222-2222-4222-8222-222222222222';

function exchange(
  order: number,
  method: string,
  path: string,
  status: number,
  body: unknown,
): RecordedExchange {
  const osb = classifyOsb(method, path);
  return {
    order,
    method,
    path,
    query: [],
    request: { headers: {} },
    response: { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    ...(osb ? { osb } : {}),
  };
}

const instance = `/v2/service_instances/${RECORDED_ID}`;
const matcher = () =>
  new MockMatcher([
    exchange(0, 'PUT', instance, 202, { operation: 'op-1', dashboard_url: `https://x/${RECORDED_ID}` }),
    exchange(1, 'GET', `${instance}/last_operation`, 200, { state: 'in progress' }),
    exchange(2, 'GET', `${instance}/last_operation`, 200, { state: 'succeeded' }),
  ]);

describe('MockMatcher', () => {
  it('binds live ids to recorded ones and answers repeated requests in recorded order, then the last again', () => {
    const mock = matcher();
    const live = `/v2/service_instances/${LIVE_ID}`;
    const created = mock.answer({ method: 'PUT', path: live, query: [] });
    expect(created.found && JSON.parse(created.body!)).toEqual({
      operation: 'op-1',
      dashboard_url: `https://x/${LIVE_ID}`,
    });
    const states = [1, 2, 3].map(() => {
      const polled = mock.answer({ method: 'GET', path: `${live}/last_operation`, query: [] });
      return polled.found && JSON.parse(polled.body!).state;
    });
    expect(states).toEqual(['in progress', 'succeeded', 'succeeded']);
  });

  it('names the closest recorded request for anything else', () => {
    const answer = matcher().answer({ method: 'PATCH', path: `/v2/service_instances/${LIVE_ID}`, query: [] });
    expect(answer).toEqual({
      found: false,
      description: expect.stringContaining(
        'no answer to PATCH /v2/service_instances/:id with this query and body. The closest recorded request is #0 PUT /v2/service_instances/:id (provision)',
      ),
    });
  });
});
