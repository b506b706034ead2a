import { describe, expect, it } from 'vitest';
import { cfContext, osbHarness } from '../helpers/sm-harness';

const instancePath = '/service_instances/i-1';
const bindingPath = `${instancePath}/service_bindings/b-1`;
const bindBody = { service_id: 'svc-db', plan_id: 'small' };
const k8sContext = { platform: 'kubernetes', namespace: 'ns', clusterid: 'c-1', instance_name: 'db' };

describe('no deprovision while bound, unique ids', () => {
  it('refuses to deprovision an instance with bindings with 412 naming them, without calling the broker', async () => {
    const h = await osbHarness();
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    await h.call(h.cf, 'PUT', bindingPath, { ...bindBody, context: { binding_name: 'app-binding' } });
    const calls = h.client.osbCalls().length;
    const answer = await h.call(h.cf, 'DELETE', instancePath, undefined, {
      service_id: 'svc-db',
      plan_id: 'small',
    });
    expect(answer).toMatchObject({ status: 412, body: { error: 'PreconditionFailed' } });
    expect((answer.body as { description: string }).description).toContain('app-binding (b-1)');
    expect(h.client.osbCalls()).toHaveLength(calls);
    expect(h.state.instances).toHaveLength(1);
  });

  it('refuses an instance id already used by another platform or with other attributes (409)', async () => {
    const h = await osbHarness();
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    const calls = h.client.osbCalls().length;
    const other = await h.call(h.k8s, 'PUT', instancePath, h.provisionBody('small', k8sContext));
    expect(other).toMatchObject({ status: 409, body: { error: 'Conflict' } });
    const different = await h.call(h.cf, 'PUT', instancePath, h.provisionBody('large'));
    expect(different.status).toBe(409);
    expect(h.client.osbCalls()).toHaveLength(calls);
  });

  it('forwards an identical re-sent PUT from the same platform and stores nothing new', async () => {
    const h = await osbHarness();
    h.client.next('PUT', '/v2/service_instances/i-1', { status: 202, body: { operation: 'op-1' } });
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    h.client.next('PUT', '/v2/service_instances/i-1', { status: 202, body: { operation: 'op-1' } });
    const again = await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    expect(again).toMatchObject({ status: 202, body: { operation: 'op-1' } });
    expect(h.client.osbCalls()).toHaveLength(2);
    expect(h.state.operations).toHaveLength(1);
    expect(h.state.instances).toHaveLength(1);
  });

  it('refuses a binding id already used (409) and forwards an identical re-bind', async () => {
    const h = await osbHarness();
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    await h.call(h.cf, 'PUT', '/service_instances/i-2', h.provisionBody());
    await h.call(h.cf, 'PUT', bindingPath, bindBody);
    const elsewhere = await h.call(h.cf, 'PUT', '/service_instances/i-2/service_bindings/b-1', bindBody);
    expect(elsewhere.status).toBe(409);
    const different = await h.call(h.cf, 'PUT', bindingPath, { ...bindBody, parameters: { x: 1 } });
    expect(different.status).toBe(409);
    h.client.next('PUT', `/v2${bindingPath}`, { status: 200, body: { credentials: {} } });
    expect((await h.call(h.cf, 'PUT', bindingPath, bindBody)).status).toBe(200);
    expect(h.state.bindings).toHaveLength(1);
  });
});

describe('one operation at a time (422 ConcurrentOperationInProgress)', () => {
  // A delete is refused only while a call waits on the broker: see sm-operations-end.test.ts.
  it('refuses update and bind while the create is in progress', async () => {
    const h = await osbHarness();
    h.client.next('PUT', '/v2/service_instances/i-1', { status: 202, body: { operation: 'op-1' } });
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    const calls = h.client.osbCalls().length;
    const attempts = [
      await h.call(h.cf, 'PATCH', instancePath, { plan_id: 'large' }),
      await h.call(h.cf, 'PUT', bindingPath, bindBody),
    ];
    for (const answer of attempts) {
      expect(answer).toMatchObject({ status: 422, body: { error: 'ConcurrentOperationInProgress' } });
    }
    expect(h.client.osbCalls()).toHaveLength(calls);
  });

  it('refuses a bind while the update of its instance is in progress', async () => {
    const h = await osbHarness();
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    h.client.next('PATCH', '/v2/service_instances/i-1', { status: 202, body: { operation: 'op-update' } });
    await h.call(h.cf, 'PATCH', instancePath, { plan_id: 'large' });
    const updating = h.state.operations.at(-1)!;
    expect(updating).toMatchObject({ type: 'update', state: 'in progress' });
    const calls = h.client.osbCalls().length;
    const answer = await h.call(h.cf, 'PUT', bindingPath, bindBody);
    expect(answer).toMatchObject({
      status: 422,
      body: {
        error: 'ConcurrentOperationInProgress',
        description: expect.stringContaining(`update operation (${updating.id}) on service instance i-1`),
      },
    });
    expect(h.client.osbCalls()).toHaveLength(calls);
    expect(h.state.bindings).toEqual([]);
  });

  it('refuses an unbind while the bind still waits for the broker', async () => {
    const h = await osbHarness();
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    h.client.next('PUT', `/v2${bindingPath}`, () => new Promise(() => undefined));
    void h.call(h.cf, 'PUT', bindingPath, bindBody);
    await expect.poll(() => h.state.operations.at(-1)?.resource_id).toBe('b-1');
    const answer = await h.call(h.cf, 'DELETE', bindingPath, undefined, {
      service_id: 'svc-db',
      plan_id: 'small',
    });
    expect(answer).toMatchObject({ status: 422, body: { error: 'ConcurrentOperationInProgress' } });
  });

  it('refuses a second change while the first one still waits for the broker, and no poll settles it', async () => {
    const h = await osbHarness();
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    const release = h.client.hold('PATCH', '/v2/service_instances/i-1', { status: 200, body: {} });
    const first = h.call(h.cf, 'PATCH', instancePath, { plan_id: 'large' });
    await new Promise((resolve) => setImmediate(resolve));
    expect((await h.call(h.cf, 'PATCH', instancePath, { plan_id: 'large' })).status).toBe(422);
    h.client.next('GET', '/v2/service_instances/i-1/last_operation', {
      status: 200,
      body: { state: 'failed' },
    });
    await h.call(h.cf, 'GET', `${instancePath}/last_operation`);
    release();
    expect((await first).status).toBe(200);
    expect(h.state.operations.at(-1)).toMatchObject({ type: 'update', state: 'succeeded' });
    expect(h.state.instances[0]!.service_plan_id).toBe(h.planId('large'));
  });
});

describe('ownership', () => {
  it('answers 404 to another platform for every instance and binding call, without calling the broker', async () => {
    const h = await osbHarness();
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    await h.call(h.cf, 'PUT', bindingPath, bindBody);
    const calls = h.client.osbCalls().length;
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', instancePath],
      ['PATCH', instancePath, { plan_id: 'large' }],
      ['DELETE', instancePath],
      ['GET', `${instancePath}/last_operation`],
      ['PUT', '/service_instances/i-1/service_bindings/b-2', bindBody],
      ['GET', bindingPath],
      ['DELETE', bindingPath],
      ['GET', `${bindingPath}/last_operation`],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await h.call(h.k8s, method, path, body);
      expect(answer, `${method} ${path}`).toMatchObject({ status: 404, body: { error: 'NotFound' } });
    }
    expect(h.client.osbCalls()).toHaveLength(calls);
  });

  it('forwards GET instance and last_operation of its own instance', async () => {
    const h = await osbHarness();
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    h.client.next('GET', '/v2/service_instances/i-1', {
      status: 200,
      body: { service_id: 'svc-db', plan_id: 'small' },
    });
    expect(await h.call(h.cf, 'GET', instancePath)).toMatchObject({
      status: 200,
      body: { plan_id: 'small' },
    });
  });
});

describe('plans on provision and update', () => {
  // OSB provisioning and update define 400 for a request they cannot serve, no 404 (the Peripli SM's answer).
  it('answers 400 for a plan the caller cannot see and for one the broker does not have', async () => {
    const h = await osbHarness({ publicPlans: false });
    const hidden = await h.call(h.cf, 'PUT', instancePath, h.provisionBody('small'));
    expect(hidden).toMatchObject({
      status: 400,
      body: { error: 'BadRequest', description: expect.stringContaining('not visible to platform "cf-dev"') },
    });
    const unknown = await h.call(h.cf, 'PUT', instancePath, h.provisionBody('nope'));
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: 'BadRequest', description: expect.stringMatching(/nope.*GET \/v2\/catalog/) },
    });
    expect(h.client.osbCalls()).toEqual([]);
  });

  it('answers 400 to a plan of another service and to a body without plan_id', async () => {
    const h = await osbHarness();
    expect(
      (await h.call(h.cf, 'PUT', instancePath, { ...h.provisionBody(), service_id: 'svc-hidden' })).status,
    ).toBe(400);
    expect((await h.call(h.cf, 'PUT', instancePath, { service_id: 'svc-db' })).status).toBe(400);
  });

  it('needs context.organization_guid from Cloud Foundry (400) but not from Kubernetes', async () => {
    const h = await osbHarness();
    const answer = await h.call(
      h.cf,
      'PUT',
      instancePath,
      h.provisionBody('small', { platform: 'cloudfoundry' }),
    );
    expect(answer).toMatchObject({
      status: 400,
      body: { description: expect.stringContaining('organization_guid') },
    });
    expect((await h.call(h.k8s, 'PUT', instancePath, h.provisionBody('small', k8sContext))).status).toBe(201);
  });

  it('enforces the organizations of an org-scoped Cloud Foundry visibility', async () => {
    const h = await osbHarness({ publicPlans: false });
    h.visible('small', h.cf.id, { organization_guid: ['org-a', 'org-b'] });
    const elsewhere = await h.call(h.cf, 'PUT', instancePath, h.provisionBody('small', cfContext('org-x')));
    expect(elsewhere).toMatchObject({
      status: 400,
      body: { description: expect.stringContaining('organization org-x') },
    });
    expect(
      (await h.call(h.cf, 'PUT', instancePath, h.provisionBody('small', cfContext('org-b')))).status,
    ).toBe(201);
  });

  it('reads the organization of a Cloud Foundry provision without context from its top-level organization_guid', async () => {
    const h = await osbHarness({ publicPlans: false });
    h.visible('small', h.cf.id, { organization_guid: ['org-b'] });
    const guids = (org: string) => ({
      service_id: 'svc-db',
      plan_id: 'small',
      organization_guid: org,
      space_guid: 's',
    });
    expect((await h.call(h.cf, 'PUT', instancePath, guids('org-x'))).status).toBe(400);
    expect((await h.call(h.cf, 'PUT', instancePath, guids('org-b'))).status).toBe(201);
    expect(h.state.instances[0]!.context).toEqual({
      platform: 'cloudfoundry',
      organization_guid: 'org-b',
      space_guid: 's',
    });
    expect(h.client.osbCalls().map((call) => call.body)).toEqual([guids('org-b')]);
  });

  it('checks the new plan of an update', async () => {
    const h = await osbHarness({ publicPlans: false });
    h.visible('small');
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    expect((await h.call(h.cf, 'PATCH', instancePath, { plan_id: 'large' })).status).toBe(400);
    expect(
      (await h.call(h.cf, 'PATCH', instancePath, { plan_id: 'small', parameters: { a: 1 } })).status,
    ).toBe(200);
  });
});

describe('routing', () => {
  it('answers 412 to every call, the catalog included, without a supported X-Broker-API-Version', async () => {
    const h = await osbHarness();
    const calls = h.client.calls.length;
    for (const version of [undefined, '2.13', '3.0', 'x']) {
      for (const [method, path, body] of [
        ['GET', '/catalog'],
        ['PUT', '/service_instances/v-1', h.provisionBody()],
      ] as const) {
        const answer = await h.osb.handle({
          platform: h.cf,
          brokerId: h.broker.id,
          method,
          path,
          query: {},
          headers: { version },
          body,
          flowId: 'f',
        });
        expect(answer, `${method} ${path} with ${version}`).toMatchObject({
          status: 412,
          body: { error: 'PreconditionFailed', description: expect.stringContaining('2.17') },
        });
      }
    }
    expect(h.client.calls).toHaveLength(calls);
    expect(h.state.instances).toEqual([]);
  });

  it('answers 404 for an unknown broker and an unknown endpoint', async () => {
    const h = await osbHarness();
    const unknownBroker = await h.osb.handle({
      platform: h.cf,
      brokerId: 'nope',
      method: 'GET',
      path: '/catalog',
      query: {},
      headers: {},
      body: undefined,
      flowId: 'f',
    });
    expect(unknownBroker).toMatchObject({ status: 404, body: { error: 'NotFound' } });
    expect((await h.call(h.cf, 'POST', '/catalog')).status).toBe(404);
    expect((await h.call(h.cf, 'GET', '/service_instances/a/b')).status).toBe(404);
  });
});
