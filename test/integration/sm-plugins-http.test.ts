import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformSimulator } from '../helpers/platform-harness';

let sim: Awaited<ReturnType<typeof startPlatformSimulator>>;
beforeAll(async () => {
  sim = await startPlatformSimulator({
    config: {
      plugins: [
        { name: 'quota', options: { limits: [{ platform: 'cf-dev', plan: 'small', max: 1 }] } },
        { name: 'visibility-audit' },
      ],
    },
  });
});
afterAll(() => sim.cleanup());

describe('plugins from the config, over HTTP', () => {
  it('quota refuses the provision past the limit with 422 and a description naming it; others go through', async () => {
    const cf = sim.platform('cf-dev');
    const first = await cf('POST', '/service_instances?wait=true', {
      name: 'q1',
      service: 'sample-db',
      plan: 'small',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await cf('POST', '/service_instances?wait=true', {
      name: 'q2',
      service: 'sample-db',
      plan: 'small',
    });
    expect(second.status).toBe(422);
    expect(second.body.description).toMatch(/quota|limit/i);
    expect(second.body.description).toMatch(/cf-dev/);
    const k8s = await sim.platform('k8s-dev')('POST', '/service_instances?wait=true', {
      name: 'q3',
      service: 'sample-db',
      plan: 'small',
    });
    expect(k8s.status).toBe(201);
  });

  it('visibility-audit reports what a platform was allowed to see as an event', async () => {
    const audits: Array<{ platform: { name: string }; plan_count: number }> = [];
    const unsubscribe = sim.simulator.events.subscribe((event) => {
      if (event.type === 'sm.visibility-audit') audits.push(event.data as (typeof audits)[number]);
    });
    try {
      const k8s = sim.platformEndpoint('k8s-dev');
      const sample = (
        await sim.smCall('GET', `/v1/service_brokers?fieldQuery=${encodeURIComponent("name eq 'sample'")}`)
      ).body.items[0];
      const { username, password } = k8s.proxyCredentials;
      const catalog = await fetch(`${k8s.url}/osb/${sample.id}/v2/catalog`, {
        headers: { Authorization: sim.basic(username, password), 'X-Broker-API-Version': '2.17' },
      });
      expect(catalog.status).toBe(200);
      const plans = (await catalog.json()).services.flatMap((service: { plans: unknown[] }) => service.plans);
      const audit = audits.find((entry) => entry.platform.name === 'k8s-dev');
      expect(audit?.plan_count).toBe(plans.length);
    } finally {
      unsubscribe();
    }
  });
});
