import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_IDS } from '../../main/core/sample-broker/ids';
import { basicAuthHeader } from '../../main/servers/http/basic-auth';
import type { Exchange } from '../../main/traffic';
import { type PlatformSimulator, startPlatformSimulator } from '../helpers/platform-harness';

let sim: PlatformSimulator;
beforeAll(async () => {
  sim = await startPlatformSimulator({ config: { sampleBroker: { asyncDelayMs: 200 } } });
});
afterAll(() => sim?.cleanup());

const flowsOf = (instanceId: string) =>
  sim.simulator.traffic
    .list({ instance: instanceId, operation: 'provision' })
    .items.map((summary) => sim.simulator.traffic.get(summary.id)!);
const sampleBrokerId = () =>
  sim.simulator.store.data.sm.brokers.find((broker) => broker.name === 'sample')!.id;

function expectTimedHops(hops: Exchange[], expected: string[]) {
  expect(hops.map((hop) => hop.hop)).toEqual(expected);
  for (const [index, hop] of hops.entries()) {
    expect(hop.response?.status).toBe(201);
    expect(hop.durationMs).toBeGreaterThan(0);
    if (index > 0) expect(hop.startMs).toBeGreaterThanOrEqual(hops[index - 1]!.startMs);
  }
}

describe('traffic of the platforms', () => {
  it('a provision through the platform API is one flow of three hops, in order', async () => {
    const created = await sim.platform('cf-dev')('POST', '/service_instances', {
      name: 'traced',
      service: 'sample-db',
      plan: 'small',
    });
    expect(created.status).toBe(201);
    const flows = flowsOf(created.body.id);
    expect(flows).toHaveLength(1);
    const { hops } = flows[0]!;
    expectTimedHops(hops, ['platform→proxy', 'proxy→sm', 'sm→broker']);
    expect(hops.map((hop) => [hop.from, hop.to])).toEqual([
      ['cf-dev', 'proxy:cf-dev'],
      ['proxy:cf-dev', 'sm'],
      ['sm', 'broker:sample'],
    ]);
    expect(flows[0]).toMatchObject({ platform: 'cf-dev', operation: 'provision', status: 201 });
  });

  it("a curl to a proxy's OSB endpoint is a flow too", async () => {
    const proxy = sim.platformEndpoint('k8s-dev');
    const instanceId = 'curl-instance-1';
    const response = await fetch(
      `${proxy.url}/osb/${sampleBrokerId()}/v2/service_instances/${instanceId}?accepts_incomplete=true`,
      {
        method: 'PUT',
        headers: {
          Authorization: basicAuthHeader(proxy.proxyCredentials),
          'X-Broker-API-Version': '2.17',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          service_id: SAMPLE_IDS.db.service,
          plan_id: SAMPLE_IDS.db.small,
          organization_guid: 'c1',
          space_guid: 'default',
          context: { platform: 'kubernetes', namespace: 'default', clusterid: 'c1', instance_name: 'curl' },
        }),
      },
    );
    expect(response.status).toBe(201);
    const flows = flowsOf(instanceId);
    expect(flows).toHaveLength(1);
    expectTimedHops(flows[0]!.hops, ['client→proxy', 'proxy→sm', 'sm→broker']);
  });

  it('a proxy refuses wrong credentials', async () => {
    const proxy = sim.platformEndpoint('cf-dev');
    const response = await fetch(`${proxy.url}/osb/${sampleBrokerId()}/v2/catalog`, {
      headers: {
        Authorization: basicAuthHeader({ username: 'x', password: 'y' }),
        'X-Broker-API-Version': '2.17',
      },
    });
    expect(response.status).toBe(401);
  });
});
