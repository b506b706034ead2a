import { describe, expect, it } from 'vitest';
import { classifyOsb } from '../../main/traffic';
import { MockMatcher } from '../../main/workflows/mock-broker/matcher';
import { DEFAULT_MOCK_RULES, DEFAULT_RULES, rulesSchema } from '../../main/workflows/recordings/rules';
import type { RecordedExchange } from '../../main/workflows/replay/load';

const RECORDED_ID = '11111111-1111-4111-8111-111111111111';
const LIVE_ID = '22222222-2222-4222-8222-222222222222';
const OTHER_LIVE_ID = '33333333-3333-4333-8333-333333333333';
const SERVICE = 'aaaaaaaa-0000-4000-8000-000000000001';
const SMALL = 'aaaaaaaa-0000-4000-8000-000000000002';
const LARGE = 'aaaaaaaa-0000-4000-8000-000000000003';
const MADE_UP = 'aaaaaaaa-0000-4000-8000-00000000ffff';

function exchange(
  order: number,
  method: string,
  url: string,
  status: number,
  body: unknown,
  requestBody?: unknown,
): RecordedExchange {
  const [path, query = ''] = url.split('?') as [string, string?];
  const osb = classifyOsb(method, path);
  return {
    order,
    method,
    path,
    query: [...new URLSearchParams(query)],
    request: { headers: {}, ...(requestBody ? { body: JSON.stringify(requestBody) } : {}) },
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

/** A provision body as a platform sends it: a per-run organization guid and instance name. */
const provisionBody = (planId: string, extra: Record<string, unknown> = {}, org = RECORDED_ID) => ({
  service_id: SERVICE,
  plan_id: planId,
  organization_guid: org,
  space_guid: 'space',
  context: { platform: 'cloudfoundry', organization_guid: org, instance_name: `db-${org.slice(0, 4)}` },
  ...extra,
});

/** A recording of two provisions: plan small (with parameters), then plan large; and a poll of each. */
const twoPlans = (rules = DEFAULT_MOCK_RULES) =>
  new MockMatcher(
    [
      exchange(
        0,
        'PUT',
        '/v2/service_instances/r-small',
        201,
        { plan: 'small' },
        provisionBody(SMALL, { parameters: { size: 1, tier: 'a' } }),
      ),
      exchange(1, 'PUT', '/v2/service_instances/r-large', 201, { plan: 'large' }, provisionBody(LARGE)),
      exchange(
        2,
        'GET',
        `/v2/service_instances/r-large/last_operation?service_id=${SERVICE}&plan_id=${LARGE}&operation=op-9`,
        200,
        { state: 'succeeded' },
      ),
    ],
    rules,
  );

const provision = (mock: MockMatcher, id: string, body: unknown) =>
  mock.answer({ method: 'PUT', path: `/v2/service_instances/${id}`, query: [], body: JSON.stringify(body) });

const bodyOf = (answer: ReturnType<MockMatcher['answer']>) =>
  answer.found ? JSON.parse(answer.body!) : answer;

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

  it('answers each plan with its own recorded answer, whatever the instance id, organization guid and name', () => {
    const mock = twoPlans();
    expect(bodyOf(provision(mock, LIVE_ID, provisionBody(LARGE, {}, OTHER_LIVE_ID)))).toEqual({
      plan: 'large',
    });
    const small = provisionBody(SMALL, { parameters: { tier: 'a', size: 1 } }, LIVE_ID);
    expect(bodyOf(provision(mock, OTHER_LIVE_ID, small))).toEqual({ plan: 'small' });
  });

  it('refuses a plan it never saw, naming the closest recorded provision and the differing plan_id', () => {
    const answer = provision(twoPlans(), LIVE_ID, provisionBody(MADE_UP));
    expect(answer.found).toBe(false);
    expect(!answer.found && answer.description).toContain(
      `The closest recorded request is #1 PUT /v2/service_instances/:id (provision); it differs at $.plan_id (recorded "${LARGE}", asked "${MADE_UP}").`,
    );
  });

  it('ranks the hint by similarity: the recording with the fewest differing fields, not the first one', () => {
    const answer = provision(
      twoPlans(),
      LIVE_ID,
      provisionBody(SMALL, { parameters: { size: 2, tier: 'a' } }),
    );
    expect(!answer.found && answer.description).toContain(
      '#0 PUT /v2/service_instances/:id (provision); it differs at $.parameters.size (recorded 1, asked 2).',
    );
    const other = provision(twoPlans(), LIVE_ID, provisionBody(LARGE, { parameters: { x: true } }));
    expect(!other.found && other.description).toContain('#1 PUT');
  });

  it('matches parameters as recorded unless the rules leave them out', () => {
    const extra = provisionBody(LARGE, { parameters: { size: 3 } });
    const strict = provision(twoPlans(), LIVE_ID, extra);
    expect(!strict.found && strict.description).toContain('mock.ignoredPaths');
    const loose = twoPlans({ ...DEFAULT_MOCK_RULES, ignoredPaths: ['$.parameters.**'] });
    expect(bodyOf(provision(loose, LIVE_ID, extra))).toEqual({ plan: 'large' });
  });

  it('normalises the operation query but keeps the catalog ids of the query in the match', () => {
    const mock = twoPlans();
    provision(mock, LIVE_ID, provisionBody(LARGE));
    const poll = (planId: string) =>
      mock.answer({
        method: 'GET',
        path: `/v2/service_instances/${LIVE_ID}/last_operation`,
        query: [
          ['service_id', SERVICE],
          ['plan_id', planId],
          ['operation', 'another-op'],
        ],
      });
    expect(bodyOf(poll(LARGE))).toEqual({ state: 'succeeded' });
    const wrong = poll(MADE_UP);
    expect(!wrong.found && wrong.description).toContain(`?plan_id (recorded "${LARGE}", asked "${MADE_UP}")`);
  });
});

describe('mock rules in the rules file', () => {
  it('are optional, and a key left out keeps its default', () => {
    const { mock: _mock, ...withoutMock } = DEFAULT_RULES;
    expect(rulesSchema.parse(withoutMock).mock).toBeUndefined();
    const partial = rulesSchema.parse({ ...withoutMock, mock: { ignoredPaths: ['$.parameters.**'] } });
    expect(partial.mock).toEqual({ ...DEFAULT_MOCK_RULES, ignoredPaths: ['$.parameters.**'] });
    expect(() => rulesSchema.parse({ ...withoutMock, mock: { ignoredPaths: ['parameters'] } })).toThrow();
  });
});
