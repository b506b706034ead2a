import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SharingSimulator, startSharingSimulator } from '../helpers/sharing-harness';

let s: SharingSimulator;
beforeAll(async () => {
  s = await startSharingSimulator({ onDeleteWithReferences: 'reject' });
});
afterAll(() => s?.sim.cleanup());

describe('instance sharing with sharing.onDeleteWithReferences "reject"', () => {
  it('refuses the original while references exist, naming them; the last holder deletes at the broker', async () => {
    const sharedId = await s.provision('db-shared');
    expect((await s.share(sharedId)).status).toBe(200);
    const reference = await s.reference('ref', { referenced_instance_id: sharedId });
    expect(reference.status).toBe(201);
    await s.sim.clearBroker();

    const refused = await s.cf('DELETE', `/service_instances/${sharedId}`);
    expect(refused.status).toBe(400);
    expect(refused.body.description).toContain(reference.body.id);
    expect(refused.body.description).toContain('k8s-dev');
    expect((await s.sim.smCall('GET', `/v1/service_instances/${sharedId}`)).status).toBe(200);

    expect((await s.k8s('DELETE', `/service_instances/${reference.body.id}`)).status).toBe(200);
    expect(await s.sim.brokerRequests()).toEqual([]);
    const [item] = await s.sharingItems();
    expect(item).toMatchObject({ id: sharedId, references: [], original: { platform: 'cf-dev' } });

    expect((await s.share(sharedId, { shared: false })).status).toBe(200);
    expect((await s.cf('DELETE', `/service_instances/${sharedId}`)).status).toBe(200);
    const requests = await s.sim.brokerRequests();
    expect(requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      `DELETE /v2/service_instances/${sharedId}`,
    ]);
    expect(s.actions()).toEqual(['shared', 'reference-created', 'reference-removed', 'unshared']);
  });

  it('lets a platform share its own instance with its own credentials, not another platform', async () => {
    const id = await s.provision('db-own');
    // The platform's own SM credentials, as its broker proxy and platform API use them.
    const auth = (name: string) => {
      const { username, password } = s.sim.simulator.store.data.platforms[name]!.sm!.credentials;
      return s.sim.basic(username, password);
    };
    const path = `/v1/service_instances/${id}`;
    expect((await s.sim.smCall('PATCH', path, { shared: true }, auth('k8s-dev'))).status).toBe(404);
    expect((await s.sim.smCall('PATCH', path, { labels: [] }, auth('cf-dev'))).status).toBe(403);
    const shared = await s.sim.smCall('PATCH', path, { shared: true }, auth('cf-dev'));
    expect(shared).toMatchObject({ status: 200, body: { shared: true } });
    const viaControl = await s.sim.call('POST', `${s.sim.control}/api/sharing/${id}/unshare`);
    expect(viaControl).toMatchObject({ status: 200, body: { shared: false } });
  });

  it("shares and unshares through the platform API of the instance's platform", async () => {
    const id = await s.provision('db-api');
    expect((await s.k8s('POST', `/service_instances/${id}/share`)).status).toBe(404);
    expect(await s.cf('POST', `/service_instances/${id}/share`)).toMatchObject({
      status: 200,
      body: { id, shared: true },
    });
    const reference = await s.reference('ref-api', { referenced_instance_id: id });
    const refused = await s.cf('POST', `/service_instances/${id}/unshare`);
    expect(refused.status).toBe(400);
    expect(refused.body.description).toMatch(/^The Service Manager refused: .*ref-api/);
    expect((await s.k8s('DELETE', `/service_instances/${reference.body.id}`)).status).toBe(200);
    expect((await s.cf('POST', `/service_instances/${id}/unshare`)).body.shared).toBe(false);
    const small = await s.provision('db-small-api', 'small');
    expect((await s.cf('POST', `/service_instances/${small}/share`)).status).toBe(400);
  });
});
