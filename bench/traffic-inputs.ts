import type { ExchangeInput } from '../main/traffic';
import { provisionHops } from '../test/helpers/provision-hops';

const PLATFORMS = ['cf-dev', 'k8s-dev'];
const STATUSES = [201, 201, 201, 200, 202, 409, 500];

/** Bytes of each request body (the provision request every hop forwards). */
export const REQUEST_BODY_BYTES = 2048;

/** The provision request of flow `n`, padded to `REQUEST_BODY_BYTES`: a new string at each call. */
function provisionBody(n: number, platform: string): string {
  const request = {
    service_id: 'sample-db',
    plan_id: `plan-${n % 5}`,
    context: {
      platform: platform.startsWith('cf') ? 'cloudfoundry' : 'kubernetes',
      organization_guid: `org-${n % 50}`,
      space_guid: 'space',
      instance_name: `db-${n}`,
    },
    parameters: { size: n % 10, note: '' },
  };
  request.parameters.note = 'x'.repeat(REQUEST_BODY_BYTES - JSON.stringify(request).length);
  return JSON.stringify(request);
}

/**
 * Flow `n`: a provision through a platform, three hops recorded innermost first, each with its own copy of a
 * 2 KiB request body (a capture reads each hop's body off its own socket) and a short answer.
 */
function flowInputs(n: number): ExchangeInput[] {
  const platform = PLATFORMS[n % PLATFORMS.length]!;
  return provisionHops({
    flowId: `flow-${n}`,
    platform,
    broker: `b${n % 3}`,
    brokerId: `b${n % 3}`,
    path: `/v2/service_instances/instance-${n}?accepts_incomplete=true`,
    status: n % 97 === 0 ? 422 : STATUSES[n % STATUSES.length]!,
    startMs: Date.now() + n * 10,
    durationMs: 20,
    request: () => ({
      headers: {
        authorization: 'Basic dTpw',
        'content-type': 'application/json',
        'x-broker-api-version': '2.17',
      },
      body: provisionBody(n, platform),
    }),
    responseBody: '{"dashboard_url":"http://d"}',
  });
}

/** `count` exchanges of provision flows (three hops each), as a capture would hand them to the store. */
export function exchangeInputs(count: number): ExchangeInput[] {
  const inputs: ExchangeInput[] = [];
  for (let n = 0; inputs.length < count; n++) inputs.push(...flowInputs(n));
  inputs.length = count;
  return inputs;
}
