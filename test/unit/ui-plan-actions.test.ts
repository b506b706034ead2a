import { describe, expect, it } from 'vitest';
import type { MarketplacePlan } from '../../main/servers/platform/api-types';
import { planActions } from '../../renderer/src/instances/plan-actions';
import type { InstanceRow } from '../../renderer/src/model/instances';

const plan = (name: string, fields: Partial<MarketplacePlan> = {}): MarketplacePlan => ({
  id: `id-${name}`,
  name,
  description: name,
  free: true,
  bindable: true,
  plan_updateable: false,
  ...fields,
});

const reference = plan('reference-instance', { metadata: { referencePlan: true } });

function instanceOf(planName: string, plans: MarketplacePlan[], extra: Partial<InstanceRow> = {}) {
  return {
    plan: planName,
    shared: false,
    referencedInstanceId: undefined,
    offering: { plans },
    ...extra,
  } as InstanceRow;
}

describe("an instance card's actions follow its plan", () => {
  it('binds only a bindable plan', () => {
    const plans = [plan('basic', { bindable: false })];
    expect(planActions(instanceOf('basic', plans))).toMatchObject({
      bind: false,
      update: false,
      share: false,
    });
  });

  it('updates to the other plans (never to reference-instance) only where the plan is plan_updateable', () => {
    const plans = [plan('small', { plan_updateable: true }), plan('large'), reference];
    const actions = planActions(instanceOf('small', plans));
    expect(actions.update).toBe(true);
    expect(actions.updatePlans.map(({ name }) => name)).toEqual(['small', 'large']);
    expect(planActions(instanceOf('large', plans)).update).toBe(false);
  });

  it('updates parameters where the plan has an update schema, though it cannot change plan', () => {
    const parameters = { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' };
    const schemas = { service_instance: { update: { parameters } } };
    const actions = planActions(instanceOf('custom', [plan('custom', { schemas })]));
    expect(actions).toMatchObject({ update: true });
    expect(actions.updatePlans.map(({ name }) => name)).toEqual(['custom']);
  });

  it('shares only a plan that supports sharing; a shared instance can always stop; a reference never', () => {
    const plans = [plan('shared', { metadata: { supportsInstanceSharing: true } }), plan('small'), reference];
    expect(planActions(instanceOf('shared', plans)).share).toBe(true);
    expect(planActions(instanceOf('small', plans)).share).toBe(false);
    const ref = instanceOf('reference-instance', plans, { referencedInstanceId: 'i-1' });
    expect(planActions(ref)).toMatchObject({ bind: true, update: false, share: false });
  });

  it('offers nothing but stopping a share when the marketplace no longer shows the plan', () => {
    expect(planActions(instanceOf('gone', [], { shared: true }))).toMatchObject({
      bind: false,
      update: false,
      share: true,
    });
  });
});
