import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityOf } from '../helpers/platform-harness';
import { type SharingSimulator, startSharingSimulator } from '../helpers/sharing-harness';

let s: SharingSimulator;
let sharedId: string;
let smallId: string;
const refs: Record<string, string> = {};

beforeAll(async () => {
  s = await startSharingSimulator();
});
afterAll(() => s?.sim.cleanup());

const cfContext = () => expect.objectContaining({ platform: 'cloudfoundry', instance_name: 'db-shared' });

describe('instance sharing (detach, the default)', () => {
  it('provisions on cf-dev and offers reference-instance on k8s-dev', async () => {
    sharedId = await s.provision('db-shared');
    smallId = await s.provision('db-small', 'small');
    const market = await s.k8s('GET', '/marketplace');
    const db = market.body.items.find((offering: { name: string }) => offering.name === 'sample-db');
    const reference = db.plans.find((plan: { name: string }) => plan.name === 'reference-instance');
    expect(reference).toMatchObject({ bindable: true, plan_updateable: false });
    const again = await s.cf('GET', '/marketplace');
    const cfDb = again.body.items.find((offering: { name: string }) => offering.name === 'sample-db');
    expect(cfDb.plans.map((plan: { id: string }) => plan.id)).toContain(reference.id);
  });

  it('refuses a reference to an instance that is not shared (400)', async () => {
    const answer = await s.reference('ref-early', { referenced_instance_id: sharedId });
    expect(answer.status).toBe(400);
    expect(answer.body.description).toMatch(/not shared/);
  });

  it('shares with exactly {"shared": true}', async () => {
    expect((await s.share(sharedId, { shared: true, labels: [] })).status).toBe(400);
    const nonShareable = await s.share(smallId);
    expect(nonShareable.status).toBe(400);
    expect(nonShareable.body.description).toMatch(/does not support instance sharing/);
    const shared = await s.share(sharedId);
    expect(shared.status).toBe(200);
    expect(shared.body.shared).toBe(true);
    expect((await s.share(sharedId)).status).toBe(200);
    expect(s.actions()).toEqual(['shared']);
    const labels = { labels: [{ op: 'add', key: 'team', values: ['blue'] }] };
    expect((await s.sim.smCall('PATCH', `/v1/service_instances/${sharedId}`, labels)).status).toBe(200);
  });

  it('makes references by id, "*" and each selector without calling the broker', async () => {
    await s.sim.clearBroker();
    const ways: Record<string, Record<string, unknown>> = {
      byId: { referenced_instance_id: sharedId },
      star: { referenced_instance_id: '*' },
      byName: { selectors: { instance_name_selector: 'db-shared' } },
      byPlan: { selectors: { plan_name_selector: 'shared' } },
      byLabel: { selectors: { instance_label_selector: ['team=blue'] } },
    };
    for (const [way, parameters] of Object.entries(ways)) {
      const answer = await s.reference(`ref-${way}`, parameters);
      expect(answer.status, way).toBe(201);
      refs[way] = answer.body.id;
      const record = await s.sim.smCall('GET', `/v1/service_instances/${answer.body.id}`);
      expect(record.body).toMatchObject({ referenced_instance_id: sharedId, shared: false, ready: true });
    }
    expect(await s.sim.brokerRequests()).toEqual([]);
    expect(s.actions().filter((action) => action === 'reference-created')).toHaveLength(5);
    const [item] = await s.sharingItems();
    expect(item).toMatchObject({ id: sharedId, original: { platform: 'cf-dev', name: 'db-shared' } });
    expect(item.references.map((ref: { platform: string }) => ref.platform)).toEqual(
      Array(5).fill('k8s-dev'),
    );
  });

  it('refuses both or neither parameter (400), a missing target (404), another offering (404)', async () => {
    const logsId = await s.provision('logs', 'basic', 'sample-logs');
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ referenced_instance_id: sharedId, selectors: { instance_name_selector: 'db-shared' } }, 400],
      [{}, 400],
      [{ referenced_instance_id: 'no-such-instance' }, 404],
      [{ selectors: { instance_name_selector: 'nope' } }, 404],
      [{ referenced_instance_id: smallId }, 400],
      [{ referenced_instance_id: logsId }, 404],
    ];
    for (const [index, [parameters, status]] of cases.entries()) {
      const answer = await s.reference(`bad-${index}`, parameters);
      expect(answer.status, JSON.stringify(parameters)).toBe(status);
    }
  });

  it('binds and unbinds a reference at the broker as the shared instance', async () => {
    await s.sim.clearBroker();
    const bound = await s.k8s('POST', '/service_bindings', { name: 'b1', service_instance_id: refs.byId });
    expect(bound.status).toBe(201);
    const bindingId = bound.body.id as string;
    const [put] = await s.sim.brokerRequests();
    expect(put).toMatchObject({
      method: 'PUT',
      path: `/v2/service_instances/${sharedId}/service_bindings/${bindingId}`,
      body: { plan_id: s.sharedPlanId, context: cfContext() },
    });
    // Exactly the shared instance's context, nothing of k8s-dev's merged in; the identity is the binder's.
    const shared = await s.sim.smCall('GET', `/v1/service_instances/${sharedId}`);
    expect((put!.body as { context: unknown }).context).toEqual(shared.body.context);
    expect(identityOf(put!)).toMatchObject({
      platform: 'kubernetes',
      user: { username: 'kubernetes-admin' },
    });
    const stored = await s.sim.smCall('GET', `/v1/service_bindings/${bindingId}`);
    const k8sId = s.sim.platformEndpoint('k8s-dev').id;
    expect(stored.body).toMatchObject({ service_instance_id: refs.byId, platform_id: k8sId });

    const blocked = await s.k8s('DELETE', `/service_instances/${refs.byId}`);
    expect(blocked.status).toBe(412);
    await s.sim.clearBroker();
    expect((await s.k8s('DELETE', `/service_bindings/${bindingId}`)).status).toBe(200);
    const [del] = await s.sim.brokerRequests();
    expect(del).toMatchObject({
      method: 'DELETE',
      path: `/v2/service_instances/${sharedId}/service_bindings/${bindingId}`,
      query: expect.objectContaining({ plan_id: s.sharedPlanId }),
    });
  });

  it('refuses to unshare while references exist, counting and naming only the references', async () => {
    const answer = await s.share(sharedId, { shared: false });
    expect(answer.status).toBe(400);
    expect(answer.body.description).toMatch(
      /^Service instance db-shared is still referenced by 5 references: /,
    );
    for (const id of Object.values(refs)) expect(answer.body.description).toContain(id);
    expect(answer.body.description).not.toContain(sharedId);
    const viaPlatform = await s.cf('POST', `/service_instances/${sharedId}/unshare`);
    expect(viaPlatform.body.description).toMatch(
      /^The Service Manager refused: Service instance db-shared is still referenced by 5 references/,
    );
  });

  it('detaches the original: SM record gone, broker instance alive', async () => {
    await s.sim.clearBroker();
    expect((await s.cf('DELETE', `/service_instances/${sharedId}`)).status).toBe(200);
    expect((await s.sim.smCall('GET', `/v1/service_instances/${sharedId}`)).status).toBe(404);
    expect(await s.sim.brokerRequests()).toEqual([]);
    expect(s.actions().at(-1)).toBe('detached');
    const [item] = await s.sharingItems();
    expect(item).toMatchObject({ id: sharedId, detached: true, original: null });
    // Each reference keeps who the original was and where, for the picture of a detached share.
    const reference = await s.sim.smCall('GET', `/v1/service_instances/${refs.byId}`);
    expect(reference.body.shared_instance).toMatchObject({
      name: 'db-shared',
      platform_id: s.sim.platformEndpoint('cf-dev').id,
    });
  });

  it('sends exactly one DELETE, for the original id, when the last reference goes', async () => {
    await s.sim.clearBroker();
    const ids = Object.values(refs);
    for (const id of ids.slice(0, -1))
      expect((await s.k8s('DELETE', `/service_instances/${id}`)).status).toBe(200);
    expect(await s.sim.brokerRequests()).toEqual([]);
    expect((await s.k8s('DELETE', `/service_instances/${ids.at(-1)}`)).status).toBe(200);
    const requests = await s.sim.brokerRequests();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'DELETE',
      path: `/v2/service_instances/${sharedId}`,
      query: expect.objectContaining({ plan_id: s.sharedPlanId }),
    });
    expect(s.actions().slice(-5)).toEqual([...Array(4).fill('reference-removed'), 'last-holder-gone']);
    expect(await s.sharingItems()).toEqual([]);
  });
});
