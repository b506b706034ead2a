import { describe, expect, it } from 'vitest';
import { startMisbehavingBroker } from '../helpers/misbehaving-broker';
import { misbehavingLandscape, planQuery, provisionBody } from '../helpers/misbehaving-landscape';
import { eventually } from '../helpers/platform-harness';

const t = misbehavingLandscape();
const { brokers, cf, osb, register, whileCalled, bestSampleProvision, othersAnswerFast, noInstancesLeft } = t;

describe('a broker that cannot be reached', () => {
  it('refused connection: 502 on the platform and the SM, and nothing left behind', async () => {
    const gone = await register('gone');
    await gone.close();
    const viaPlatform = await whileCalled(undefined, () =>
      cf('POST', '/service_instances', {
        name: 'p-gone',
        service: gone.service.name,
        plan: gone.service.plan,
      }),
    );
    expect(viaPlatform.status).toBe(502);
    expect(viaPlatform.body.description).toMatch(/Broker "gone" is unreachable at .* \(ECONNREFUSED\)/);
    const viaSm = await osb(
      gone,
      'PUT',
      '/service_instances/direct-gone?accepts_incomplete=true',
      provisionBody(gone),
    );
    expect(viaSm).toMatchObject({ status: 502, body: { error: 'ServiceBrokerErr' } });
    expect(viaSm.body.description).toMatch(/unreachable .*ECONNREFUSED/);
    await noInstancesLeft(gone);
    expect((await t.sim.smCall('DELETE', `/v1/service_brokers/${gone.smId}`)).status).toBe(200);
  });
});

describe('a broker whose catalog misbehaves', () => {
  it.each([
    {
      catalog: 'deep' as const,
      status: 400,
      says: /nested deeper than 64 levels, the limit limits\.maxJsonDepth/,
    },
    {
      catalog: 'gzipBomb' as const,
      status: 400,
      says: /more than 262144 bytes \(after decompression\).*limits\.maxBrokerAnswerBytes/,
    },
    {
      catalog: 'redirect' as const,
      status: 502,
      says: /answered 307 redirect to http:\/\/127\.0\.0\.1:\d+\/v3\/catalog; brokers must answer OSB directly/,
    },
  ])(
    '$catalog: registration is refused ($status); the offerings still answer',
    async ({ catalog, status, says }) => {
      const broker = await startMisbehavingBroker(`catalog-${catalog}`, { catalog });
      brokers.push(broker);
      const refused = await t.sim.smCall('POST', '/v1/service_brokers', {
        name: `catalog-${catalog}`,
        broker_url: broker.url,
        credentials: { basic: { username: 'u', password: 'p' } },
      });
      expect(refused).toMatchObject({
        status,
        body: { error: status === 400 ? 'BadRequest' : 'ServiceBrokerErr' },
      });
      expect(refused.body.description).toMatch(
        new RegExp(`^The catalog of broker "catalog-${catalog}" was refused`),
      );
      expect(refused.body.description).toMatch(says);
      expect((await t.sim.smCall('GET', '/v1/service_offerings')).status).toBe(200);
      expect(
        (await t.sim.smCall('GET', '/v1/service_brokers')).body.items.map((b: { name: string }) => b.name),
      ).not.toContain(`catalog-${catalog}`);
    },
  );
});

describe('a broker whose operation never ends', () => {
  it('endless last_operation: every instance can be removed (DELETE, timeout, or forced removal)', async () => {
    const endless = await register('endless');
    endless.state.mode = 'endless';
    const viaPlatform = await cf('POST', '/service_instances', {
      name: 'p-endless',
      service: endless.service.name,
      plan: endless.service.plan,
    });
    expect(viaPlatform.status).toBe(202);
    const viaSm = await osb(
      endless,
      'PUT',
      '/service_instances/direct-endless?accepts_incomplete=true',
      provisionBody(endless),
    );
    expect(viaSm.status).toBe(202);
    await othersAnswerFast(await bestSampleProvision());
    // Without waiting for the timeout: the admin's forced removal.
    const forced = await osb(
      endless,
      'PUT',
      '/service_instances/direct-forced?accepts_incomplete=true',
      provisionBody(endless),
    );
    expect(forced.status).toBe(202);
    expect((await t.sim.smCall('DELETE', '/v1/service_instances/direct-forced?force=true')).status).toBe(200);
    expect((await t.sim.smCall('GET', '/v1/service_instances/direct-forced')).status).toBe(404);
    await eventually(
      async () =>
        [200, 410].includes(
          (await osb(endless, 'DELETE', `/service_instances/direct-endless?${planQuery(endless)}`)).status,
        ),
      'the direct instance removable',
      20_000,
    );
    await eventually(
      async () => {
        const instance = await cf('GET', `/service_instances/${viaPlatform.body.id}`);
        if (instance.status === 404) return true;
        if (instance.body.state !== 'in progress')
          await cf('DELETE', `/service_instances/${viaPlatform.body.id}`);
        return false;
      },
      'the platform instance removed',
      30_000,
    );
    await noInstancesLeft(endless);
    expect((await t.sim.smCall('DELETE', `/v1/service_brokers/${endless.smId}`)).status).toBe(200);
  }, 45_000);
});
