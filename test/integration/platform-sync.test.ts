import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableGuid } from '../../main/core/platform/profiles';
import { startFakeBroker, validCatalog } from '../helpers/fake-broker';
import { eventually, type PlatformSimulator, startPlatformSimulator } from '../helpers/platform-harness';

let sim: PlatformSimulator;
const fakes: Array<{ close(): Promise<void> }> = [];
const platforms = ['cf-dev', 'k8s-dev'];

beforeAll(async () => {
  sim = await startPlatformSimulator({ config: { sampleBroker: { asyncDelayMs: 200 } } });
});
afterAll(async () => {
  await sim?.cleanup();
  await Promise.all(fakes.map((fake) => fake.close()));
});

/** Registers a fake broker with one plan in the SM; returns its SM id, name and the SM id of its plan. */
async function registerBroker(name: string) {
  const catalog = validCatalog(['basic']);
  const fake = await startFakeBroker({ catalog });
  fakes.push(fake);
  const { created, plans } = await sim.registerBroker(name, fake.url);
  expect(created.status).toBe(201);
  return {
    id: created.body.id as string,
    name,
    planId: plans[0]!.id,
    service: catalog.services[0]!.name,
  };
}

const registeredOn = async (platform: string, name: string) =>
  (await sim.platform(platform)('GET', '/service_brokers')).body.items.find(
    (broker: { name: string }) => broker.name === name,
  );
const offers = async (platform: string, service: string, query = '') =>
  (await sim.platform(platform)('GET', `/marketplace${query}`)).body.items.some(
    (offering: { name: string }) => offering.name === service,
  );
const status = async (platform: string) =>
  (await sim.call('GET', `${sim.control}/api/platforms/${platform}`)).body;
const platformId = (name: string) => sim.platformEndpoint(name).id;

describe('the broker proxies', () => {
  it('register a new SM broker as sm-<name>-<id> on every platform within a second, and remove it with the SM', async () => {
    const broker = await registerBroker('fresh');
    const name = `sm-fresh-${broker.id}`;
    for (const platform of platforms) {
      const registered = await eventually(() => registeredOn(platform, name), `${name} on ${platform}`, 1000);
      expect(registered.broker_url).toBe(`${sim.platformEndpoint(platform).url}/osb/${broker.id}`);
    }
    expect((await sim.smCall('DELETE', `/v1/service_brokers/${broker.id}`)).status).toBe(200);
    for (const platform of platforms)
      await eventually(
        async () => !(await registeredOn(platform, name)),
        `${name} gone from ${platform}`,
        1000,
      );
  });

  it("keep each platform's marketplace in step with the visibilities", async () => {
    const broker = await registerBroker('visible');
    await eventually(() => registeredOn('k8s-dev', `sm-visible-${broker.id}`), 'the broker on k8s-dev');
    expect(await offers('k8s-dev', broker.service)).toBe(false);
    const visibility = await sim.smCall('POST', '/v1/visibilities', {
      service_plan_id: broker.planId,
      platform_id: platformId('k8s-dev'),
    });
    expect(visibility.status).toBe(201);
    await eventually(() => offers('k8s-dev', broker.service), 'the plan in the k8s-dev marketplace');
    expect(await offers('cf-dev', broker.service)).toBe(false);
    await sim.smCall('DELETE', `/v1/visibilities/${visibility.body.id}`);
    await eventually(async () => !(await offers('k8s-dev', broker.service)), 'the plan gone from k8s-dev');
  });

  it('answer a marketplace read made on their change event with the catalog the change asked for', async () => {
    const broker = await registerBroker('announced');
    await eventually(() => registeredOn('k8s-dev', `sm-announced-${broker.id}`), 'the broker on k8s-dev');
    // The UI reloads a platform's marketplace on its platform.brokers event: that read must see the change.
    const readOnChange = () =>
      new Promise<boolean>((resolve) => {
        const unsubscribe = sim.simulator.events.subscribe((event) => {
          const data = event.data as { platform?: string; visibilitiesChanged?: string[] };
          if (event.type !== 'platform.brokers' || data.platform !== 'k8s-dev') return;
          if (!data.visibilitiesChanged?.includes(broker.id)) return;
          unsubscribe();
          resolve(offers('k8s-dev', broker.service));
        });
      });
    for (let round = 0; round < 3; round++) {
      const shown = readOnChange();
      const visibility = await sim.smCall('POST', '/v1/visibilities', {
        service_plan_id: broker.planId,
        platform_id: platformId('k8s-dev'),
      });
      expect(visibility.status).toBe(201);
      expect(await shown).toBe(true);
      const hidden = readOnChange();
      expect((await sim.smCall('DELETE', `/v1/visibilities/${visibility.body.id}`)).status).toBe(200);
      expect(await hidden).toBe(false);
    }
  });

  it('scope Cloud Foundry plans to the organizations of their visibilities', async () => {
    const broker = await registerBroker('scoped');
    const visibility = await sim.smCall('POST', '/v1/visibilities', {
      service_plan_id: broker.planId,
      platform_id: platformId('cf-dev'),
      labels: { organization_guid: ['other-org'] },
    });
    await eventually(
      () => offers('cf-dev', broker.service, '?organization_guid=other-org'),
      'the plan in other-org',
    );
    expect(await offers('cf-dev', broker.service)).toBe(false);
    const ownOrg = stableGuid('cf-dev/organization');
    await sim.smCall('PATCH', `/v1/visibilities/${visibility.body.id}`, {
      labels: [{ op: 'add_values', key: 'organization_guid', values: [ownOrg] }],
    });
    await eventually(() => offers('cf-dev', broker.service), "the plan in cf-dev's own organization");
  });

  it('catch up by revision after losing the notifications connection', async () => {
    const before = await status('cf-dev');
    expect(before.connection).toBe('connected');
    await sim.call('POST', `${sim.control}/api/platforms/cf-dev/notifications/disconnect`, {
      offlineMs: 1500,
    });
    await eventually(async () => (await status('cf-dev')).connection !== 'connected', 'cf-dev offline');
    const broker = await registerBroker('missed');
    const name = `sm-missed-${broker.id}`;
    await eventually(() => registeredOn('k8s-dev', name), 'the broker on k8s-dev');
    expect(await registeredOn('cf-dev', name)).toBeUndefined();
    await eventually(() => registeredOn('cf-dev', name), 'the broker on cf-dev after the reconnect', 5000);
    const after = await status('cf-dev');
    expect(after).toMatchObject({ connection: 'connected', resyncs: before.resyncs });
    expect(after.revision).toBeGreaterThan(before.revision);
  });

  it('resync everything when the SM answers 410 to their revision', async () => {
    const before = await status('k8s-dev');
    await sim.simulator.store.update((data) => {
      data.platforms['k8s-dev']!.revision = 1_000_000;
    });
    await sim.call('POST', `${sim.control}/api/platforms/k8s-dev/notifications/disconnect`, {});
    await eventually(async () => (await status('k8s-dev')).resyncs > before.resyncs, 'a full resync', 6000);
    await eventually(async () => (await status('k8s-dev')).connection === 'connected', 'k8s-dev connected');
    expect((await status('k8s-dev')).revision).toBeLessThan(1_000_000);
  });
});
