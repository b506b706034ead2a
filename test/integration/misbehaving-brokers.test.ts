import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonDepth } from '../../main/core/json-depth';
import {
  type MisbehavingBroker,
  type Misbehaviour,
  startMisbehavingBroker,
} from '../helpers/misbehaving-broker';
import { misbehavingLandscape, planOf, planQuery, provisionBody } from '../helpers/misbehaving-landscape';
import { eventually } from '../helpers/platform-harness';
import { durableState } from '../helpers/store-files';

const t = misbehavingLandscape();
const { brokers, cf, osb, register, whileCalled, bestSampleProvision, othersAnswerFast, noInstancesLeft } = t;

/** What a provision answers, through cf-dev's platform API and through the SM's OSB route (README table). */
const provisions: Array<{ mode: Misbehaviour; platform: number; sm: number; says: RegExp }> = [
  { mode: 'reset', platform: 502, sm: 502, says: /is unreachable at .* and gave no answer/ },
  {
    mode: 'silent',
    platform: 504,
    sm: 504,
    says: /did not answer PUT .* in time \(no answer within 1500 ms\)/,
  },
  { mode: 'trickle', platform: 504, sm: 504, says: /did not answer PUT .* in time/ },
  { mode: 'error500', platform: 500, sm: 500, says: /the broker broke/ },
  { mode: 'html', platform: 502, sm: 200, says: /answered 200 with a body that is not JSON/ },
  { mode: 'invalid', platform: 502, sm: 201, says: /answered 201 with a body that is not JSON/ },
  { mode: 'huge', platform: 502, sm: 502, says: /more than 262144 bytes .*limits\.maxBrokerAnswerBytes/ },
  {
    mode: 'deep',
    platform: 502,
    sm: 502,
    says: /nested deeper than 64 levels, the limit limits\.maxJsonDepth/,
  },
  { mode: 'gzipBomb', platform: 502, sm: 502, says: /more than 262144 bytes \(after decompression\)/ },
  {
    mode: 'redirect',
    platform: 502,
    sm: 502,
    says: /answered 302 redirect to http:\/\/127\.0\.0\.1:1\/elsewhere; brokers must answer OSB directly/,
  },
  {
    mode: 'notModified',
    platform: 502,
    sm: 502,
    says: /answered 304 \(a redirect status, without Location\); brokers must answer OSB directly/,
  },
];

describe('a misbehaving broker', () => {
  let bad: MisbehavingBroker & { smId: string };
  beforeAll(async () => {
    bad = await register('bad');
  });

  it.each(provisions)('$mode: provision gives $platform on the platform, $sm on the SM', async (row) => {
    bad.state.mode = row.mode;
    const viaPlatform = await whileCalled(bad, () =>
      cf('POST', '/service_instances', {
        name: `p-${row.mode}`,
        service: bad.service.name,
        plan: bad.service.plan,
      }),
    );
    expect(viaPlatform.status).toBe(row.platform);
    expect(viaPlatform.body).toMatchObject({ error: expect.any(String), description: expect.any(String) });
    expect(viaPlatform.body.description).toMatch(row.says);
    expect(viaPlatform.body.description).not.toContain('secret');

    const id = `direct-${row.mode}`;
    const viaSm = await whileCalled(bad, () =>
      osb(bad, 'PUT', `/service_instances/${id}?accepts_incomplete=true`, provisionBody(bad)),
    );
    expect(viaSm.status).toBe(row.sm);
    if (row.sm >= 400) expect(viaSm.body.description).toMatch(row.says);
    // The SM's own refusals carry its code and name the broker; a broker's 500 keeps the broker's fields (OSB).
    if (row.sm === 502 || row.sm === 504) {
      expect(viaSm.body.error).toBe(row.sm === 502 ? 'ServiceBrokerErr' : 'ServiceBrokerTimeout');
      expect(viaSm.body.description).toMatch(/broker "bad"/i);
    }
    bad.state.mode = 'well';
    const removed = await osb(bad, 'DELETE', `/service_instances/${id}?${planQuery(bad)}`);
    expect([200, 410]).toContain(removed.status);
    await noInstancesLeft(bad);
  });

  it('deep: a bind answered with 4,300-deep credentials never reaches the store', async () => {
    bad.state.mode = 'well';
    const instance = await cf('POST', '/service_instances', {
      name: 'bind-deep',
      service: bad.service.name,
      plan: bad.service.plan,
    });
    expect(instance.status).toBe(201);
    bad.state.mode = 'deep';
    const viaPlatform = await whileCalled(bad, () =>
      cf('POST', '/service_bindings', { name: 'deep', service_instance_id: instance.body.id }),
    );
    expect(viaPlatform.status).toBe(502);
    expect(viaPlatform.body.description).toMatch(/limits\.maxJsonDepth/);
    bad.state.mode = 'well';
    const own = await osb(
      bad,
      'PUT',
      '/service_instances/direct-bind?accepts_incomplete=true',
      provisionBody(bad),
    );
    expect(own.status).toBe(201);
    bad.state.mode = 'deep';
    const viaSm = await osb(
      bad,
      'PUT',
      '/service_instances/direct-bind/service_bindings/direct-deep?accepts_incomplete=true',
      planOf(bad),
    );
    expect(viaSm).toMatchObject({ status: 502, body: { error: 'ServiceBrokerErr' } });
    expect(viaSm.body.description).toMatch(
      /broker "bad" .*nested deeper than 64 levels.*limits\.maxJsonDepth/,
    );
    expect((await t.sim.smCall('GET', '/v1/service_bindings')).body.items).toEqual([]);
    const stored = await durableState(join(t.sim.dataDir, 'smsim-data.json'));
    expect(jsonDepth(JSON.stringify(stored))).toBeLessThan(20);

    bad.state.mode = 'well';
    await eventually(
      async () => (await cf('GET', '/service_bindings')).body.items.length === 0,
      'the failed binding gone from cf-dev',
    );
    const gone = await eventually(async () => {
      const answer = await cf('DELETE', `/service_instances/${instance.body.id}`);
      return answer.status === 200 && answer;
    }, 'the instance removed');
    expect(gone.status).toBe(200);
    const unbound = await osb(
      bad,
      'DELETE',
      `/service_instances/direct-bind/service_bindings/direct-deep?${planQuery(bad)}`,
    );
    expect([200, 410]).toContain(unbound.status);
    expect((await osb(bad, 'DELETE', `/service_instances/direct-bind?${planQuery(bad)}`)).status).toBe(200);
    await noInstancesLeft(bad);
  });

  it('negative Retry-After: polled at the platform interval, not in a loop', async () => {
    bad.state.mode = 'negativeRetryAfter';
    const created = await cf('POST', '/service_instances?wait=true', {
      name: 'retry-negative',
      service: bad.service.name,
      plan: bad.service.plan,
    });
    expect(created).toMatchObject({ status: 201, body: { state: 'succeeded' } });
    // The operation ends 2.5 s after the PUT: at the platform's interval of 1 s that is 3 polls (not 25).
    // The polls are hops of the provision's flow: those the platform sent to its proxy.
    const polls = t.sim.simulator.traffic
      .list({ instance: created.body.id, platform: 'cf-dev' })
      .items.flatMap((flow) => t.sim.simulator.traffic.get(flow.id)!.hops)
      .filter((hop) => hop.hop === 'platform→proxy' && hop.osb?.operation === 'lastOperation');
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls.length).toBeLessThanOrEqual(4);
    const notes = t.sim.simulator.traffic
      .list({ instance: created.body.id })
      .items.flatMap((flow) => t.sim.simulator.traffic.get(flow.id)!.hops.flatMap((hop) => hop.notes));
    expect(notes.map((note) => note.code)).toContain('InvalidRetryAfter');
    expect((await cf('DELETE', `/service_instances/${created.body.id}`)).status).toBe(200);
    await noInstancesLeft(bad);
  });
});

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
