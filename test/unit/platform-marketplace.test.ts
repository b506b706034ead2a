import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../main/core/osb/catalog-types';
import { choosePlan, findPlan, marketplace, planEnabled } from '../../main/core/platform/marketplace';
import { bindRefusal, updateDecision } from '../../main/core/platform/rules';

const catalog: Catalog = {
  services: [
    {
      id: 's1',
      name: 'db',
      description: 'A database',
      bindable: true,
      plan_updateable: true,
      allow_context_updates: false,
      plans: [
        { id: 'p1', name: 'small', description: 'Small', maximum_polling_duration: 60 },
        { id: 'p2', name: 'fixed', description: 'Fixed', plan_updateable: false, bindable: false },
      ],
    },
  ],
};
const brokers = [
  { name: 'sm-sample-b1', sm_broker_id: 'b1', broker_url: 'u', registered_at: 't', updated_at: 't' },
];
const catalogs = new Map([['b1', catalog]]);

describe('marketplace', () => {
  it('shows the plans the platform visibilities enable, with derived flags', () => {
    const enabled = planEnabled([
      { sm_plan_id: 'x', sm_broker_id: 'b1', plan_id: 'p1', organizations: null },
    ]);
    const [offering] = marketplace(brokers, catalogs, enabled);
    expect(offering).toMatchObject({
      id: 's1',
      name: 'db',
      broker: 'sm-sample-b1',
      allow_context_updates: false,
    });
    expect(offering!.plans).toEqual([
      {
        id: 'p1',
        name: 'small',
        description: 'Small',
        free: true,
        bindable: true,
        plan_updateable: true,
        maximum_polling_duration: 60,
      },
    ]);
  });

  it('limits Cloud Foundry plans to their organizations and drops empty offerings', () => {
    const visibilities = [{ sm_plan_id: 'x', sm_broker_id: 'b1', plan_id: 'p1', organizations: ['o1'] }];
    expect(marketplace(brokers, catalogs, planEnabled(visibilities, 'o1'))).toHaveLength(1);
    expect(marketplace(brokers, catalogs, planEnabled(visibilities, 'o2'))).toEqual([]);
  });

  it('finds a plan by name or id, and says why not', () => {
    const all = marketplace(brokers, catalogs);
    expect(choosePlan(all, 'db', 'small')).toMatchObject({ plan: { id: 'p1' } });
    expect(choosePlan(all, 's1', 'p2')).toMatchObject({ plan: { name: 'fixed' } });
    expect(choosePlan(all, 'nope', 'small')).toMatch(/no service "nope"/);
    expect(choosePlan(all, 'db', 'huge')).toMatch(/no plan "huge".*small, fixed/);
    expect(findPlan(all, 's1', 'p2')?.plan.name).toBe('fixed');
    expect(findPlan(all, 's1', 'p9')).toBeUndefined();
  });
});

describe('platform rules', () => {
  const [offering] = marketplace(brokers, catalogs);
  const [small, fixed] = offering!.plans;

  it('never binds a non-bindable plan', () => {
    expect(bindRefusal(offering!, small!)).toBeUndefined();
    expect(bindRefusal(offering!, fixed!)).toMatch(/not bindable/);
  });

  it('changes a plan only when plan_updateable', () => {
    expect(
      updateDecision(offering!, small!, { newPlan: fixed, parameters: false, contextChanged: false }),
    ).toBe('send');
    expect(
      updateDecision(offering!, fixed!, { newPlan: small, parameters: false, contextChanged: false }),
    ).toMatch(/not plan_updateable/);
  });

  it('sends a context-only change only with allow_context_updates, else keeps it local', () => {
    const asked = { parameters: false, contextChanged: true };
    expect(updateDecision(offering!, small!, asked)).toBe('local');
    expect(updateDecision({ ...offering!, allow_context_updates: true }, small!, asked)).toBe('send');
    expect(updateDecision(offering!, small!, { parameters: true, contextChanged: true })).toBe('send');
    expect(updateDecision(offering!, small!, { parameters: false, contextChanged: false })).toMatch(
      /changes nothing/,
    );
  });
});
