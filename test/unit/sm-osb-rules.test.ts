import { describe, expect, it } from 'vitest';
import { osbRules } from '../../main/core/sm/osb/rules';
import { osbOperations } from '../../shared/osb-operations';
import { osbHarness } from '../helpers/sm-harness';

const instancePath = '/service_instances/i-1';
const bindingPath = `${instancePath}/service_bindings/b-1`;

describe('the built-in OSB rules', () => {
  it('are listed in the order they are checked', () => {
    expect(osbRules.map((rule) => rule.name)).toEqual([
      'own-instance',
      'known-instance',
      'own-binding',
      'no-reference-update',
      'one-operation-at-a-time',
      'no-deprovision-while-bound',
      'no-delete-while-broker-busy',
      'no-deprovision-of-referenced-original',
      'plan-in-catalog',
      'plan-visible',
      'reference-offering-visible',
      'reference-target',
      'unique-instance-id',
      'unique-binding-id',
    ]);
  });

  it('are synchronous, and each names OSB operations', () => {
    for (const rule of osbRules) {
      expect(rule.check.constructor.name, rule.name).toBe('Function');
      expect(rule.operations.length, rule.name).toBeGreaterThan(0);
      expect(osbOperations, rule.name).toEqual(expect.arrayContaining([...rule.operations]));
    }
  });

  it('answer a call with the first rule it breaks, without calling the broker', async () => {
    const h = await osbHarness();
    h.client.next('PUT', '/v2/service_instances/i-1', { status: 202, body: {} });
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    const calls = h.client.osbCalls().length;
    // own-instance comes before one-operation-at-a-time; plan-in-catalog before unique-instance-id.
    const bindElsewhere = await h.call(h.k8s, 'PUT', bindingPath, { service_id: 'svc-db', plan_id: 'small' });
    expect(bindElsewhere).toMatchObject({ status: 404, body: { error: 'NotFound' } });
    const unknownPlan = await h.call(h.cf, 'PUT', instancePath, h.provisionBody('nope'));
    expect(unknownPlan).toMatchObject({
      status: 400,
      body: { error: 'BadRequest', description: expect.stringContaining('has no plan with id nope') },
    });
    expect(h.client.osbCalls()).toHaveLength(calls);
  });

  it('are checked in the tick the operation starts: of two updates sent at once, one goes to the broker', async () => {
    const h = await osbHarness();
    await h.call(h.cf, 'PUT', instancePath, h.provisionBody());
    const calls = h.client.osbCalls().length;
    const answers = await Promise.all([
      h.call(h.cf, 'PATCH', instancePath, { plan_id: 'large' }),
      h.call(h.cf, 'PATCH', instancePath, { parameters: { size: 2 } }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 422]);
    expect(h.client.osbCalls()).toHaveLength(calls + 1);
  });

  it('are checked in the tick the operation starts: of two provisions of one id sent at once, one is stored', async () => {
    const h = await osbHarness();
    const answers = await Promise.all([
      h.call(h.cf, 'PUT', instancePath, h.provisionBody('small')),
      h.call(h.cf, 'PUT', instancePath, h.provisionBody('large')),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(h.state.instances).toHaveLength(1);
    expect(h.client.osbCalls()).toHaveLength(1);
  });
});
