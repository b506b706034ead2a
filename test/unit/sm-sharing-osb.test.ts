import { beforeEach, describe, expect, it } from 'vitest';
import { referencePlanId } from '../../main/core/sm/sharing/plans';
import { cfContext, type OsbHarness, osbHarness, testCatalog } from '../helpers/sm-harness';

const [db, ...others] = testCatalog.services;
const shareable = {
  id: 'shareable',
  name: 'shareable',
  description: 'Shareable',
  metadata: { supportsInstanceSharing: true },
};
const sharingCatalog = { services: [{ ...db!, plans: [...db!.plans, shareable] }, ...others] };
const k8sContext = { platform: 'kubernetes', namespace: 'ns', instance_name: 'ref' };

let h: OsbHarness;
let refPlan: string;
beforeEach(async () => {
  h = await osbHarness();
  h.client.catalog = sharingCatalog;
  await h.catalog.forced(h.broker, 'manual');
  h.visible('shareable');
  refPlan = referencePlanId(h.broker.id, 'svc-db');
  expect((await h.call(h.cf, 'PUT', '/service_instances/orig', h.provisionBody('shareable'))).status).toBe(
    201,
  );
  h.state.instances.find((instance) => instance.id === 'orig')!.shared = true;
  const reference = {
    service_id: 'svc-db',
    plan_id: refPlan,
    context: k8sContext,
    parameters: { referenced_instance_id: '*' },
  };
  expect((await h.call(h.k8s, 'PUT', '/service_instances/ref', reference)).status).toBe(201);
});

const sharingActions = () =>
  h.seen
    .filter((event) => event.type === 'sm.sharing')
    .map((event) => (event.data as { action: string }).action);

describe('the OSB route and shared instances', () => {
  it('serves the reference-instance plan with a stable id, bindable and not updateable', async () => {
    const answer = await h.call(h.k8s, 'GET', '/catalog');
    const plans = (answer.body as typeof sharingCatalog).services[0]!.plans;
    expect(plans.at(-1)).toMatchObject({
      id: refPlan,
      name: 'reference-instance',
      bindable: true,
      plan_updateable: false,
    });
    expect(refPlan).toBe(referencePlanId(h.broker.id, 'svc-db'));
  });

  it('refuses to update a reference', async () => {
    const answer = await h.call(h.k8s, 'PATCH', '/service_instances/ref', {
      service_id: 'svc-db',
      parameters: {},
    });
    expect(answer.status).toBe(400);
    expect(h.client.osbCalls().filter((call) => call.method === 'PATCH')).toEqual([]);
  });

  it('the last holder deletes at the broker, also when the broker answers 202 and the poll settles it', async () => {
    expect((await h.call(h.cf, 'DELETE', '/service_instances/orig', undefined, {})).status).toBe(200);
    h.client.next('DELETE', '/v2/service_instances/orig', { status: 202, body: { operation: 'op-1' } });
    const query = { service_id: 'svc-db', plan_id: refPlan };
    expect((await h.call(h.k8s, 'DELETE', '/service_instances/ref', undefined, query)).status).toBe(202);
    const sent = h.client.osbCalls().find((call) => call.method === 'DELETE');
    expect(sent).toMatchObject({ path: '/v2/service_instances/orig', query: { plan_id: 'shareable' } });
    expect(sharingActions()).toEqual(['reference-created', 'detached']);
    h.client.next('GET', '/v2/service_instances/orig/last_operation', {
      status: 200,
      body: { state: 'succeeded' },
    });
    await h.call(h.k8s, 'GET', '/service_instances/ref/last_operation', undefined, { operation: 'op-1' });
    expect(h.state.instances).toEqual([]);
    expect(sharingActions()).toEqual(['reference-created', 'detached', 'last-holder-gone']);
  });

  it("binds a reference at the broker with the shared instance's plan and exactly its context", async () => {
    const bind = { service_id: 'svc-db', plan_id: refPlan, context: { ...k8sContext, binding_name: 'b' } };
    expect((await h.call(h.k8s, 'PUT', '/service_instances/ref/service_bindings/b1', bind)).status).toBe(201);
    const sent = h.client.osbCalls().find((call) => call.method === 'PUT' && call.path.includes('bindings'));
    expect(sent).toMatchObject({
      path: '/v2/service_instances/orig/service_bindings/b1',
      body: { plan_id: 'shareable' },
    });
    // Exactly the shared instance's context, none of the binding platform's fields merged in.
    expect((sent!.body as { context: unknown }).context).toEqual(cfContext());
    expect(h.state.bindings[0]).toMatchObject({
      service_instance_id: 'ref',
      platform_id: h.k8s.id,
      name: 'b',
    });
  });
});
