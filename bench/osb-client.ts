// OSB calls the HTTP benchmarks make: a provision and a deprovision of the sample broker's db plan, sent straight
// to the sample broker or through a platform's broker proxy.
import { randomUUID } from 'node:crypto';
import { SAMPLE_IDS } from '../main/core/sample-broker/ids';
import type { Simulator } from '../main/index';

/** An OSB endpoint (a base URL ending before `/v2/`) and the credentials it takes. */
export interface Side {
  name: string;
  base: string;
  authorization: string;
}

export const basic = ({ username, password }: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

const provisionBody = JSON.stringify({
  service_id: SAMPLE_IDS.db.service,
  plan_id: SAMPLE_IDS.db.small,
  organization_guid: 'bench-org',
  space_guid: 'bench-space',
  context: {
    platform: 'cloudfoundry',
    organization_guid: 'bench-org',
    space_guid: 'bench-space',
    instance_name: 'bench',
  },
});
const planQuery = `service_id=${SAMPLE_IDS.db.service}&plan_id=${SAMPLE_IDS.db.small}&accepts_incomplete=true`;

async function call(side: Side, method: string, path: string, expected: number, body?: string) {
  const response = await fetch(`${side.base}${path}`, {
    method,
    headers: {
      Authorization: side.authorization,
      'X-Broker-API-Version': '2.17',
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body,
  });
  const text = await response.text();
  if (response.status !== expected)
    throw new Error(`${side.name}: ${method} ${path} answered ${response.status} (not ${expected}): ${text}`);
}

export async function provision(side: Side, id = randomUUID()): Promise<string> {
  await call(side, 'PUT', `/v2/service_instances/${id}?accepts_incomplete=true`, 201, provisionBody);
  return id;
}

export const deprovision = (side: Side, id: string) =>
  call(side, 'DELETE', `/v2/service_instances/${id}?${planQuery}`, 200);

/** The sample broker called directly, and through the Cloud Foundry platform's broker proxy. */
export async function sidesOf(
  simulator: Simulator,
): Promise<{ direct: Side; proxy: Side; platform: string }> {
  const { serviceManager, platforms, sampleBroker } = simulator.endpoints;
  const brokers = await fetch(`${serviceManager!.url}/v1/service_brokers`, {
    headers: { Authorization: basic(serviceManager!.admin) },
  }).then((response) => response.json() as Promise<{ items: Array<{ id: string; name: string }> }>);
  const sampleId = brokers.items.find((broker) => broker.name === 'sample')!.id;
  const proxy = platforms.find((platform) => platform.type === 'cloudfoundry')!;
  return {
    direct: { name: 'direct', base: sampleBroker!.url, authorization: basic(sampleBroker!.credentials) },
    proxy: {
      name: 'proxy',
      base: `${proxy.url}/osb/${sampleId}`,
      authorization: basic(proxy.proxyCredentials),
    },
    platform: proxy.name,
  };
}
