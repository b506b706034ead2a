import { describe, expect, it } from 'vitest';
import {
  applyNotification,
  brokerNameFor,
  type Desired,
  desiredFromLists,
  planVisibilities,
  reconcile,
  type SmLists,
  type SmNotification,
} from '../../main/core/platform/reconcile';
import type { RegisteredBroker } from '../../main/core/platform/state';

const lists: SmLists = {
  brokers: [{ id: 'b1', name: 'sample' }],
  visibilities: [
    { id: 'v1', service_plan_id: 'sp1', labels: {} },
    { id: 'v2', service_plan_id: 'sp2', labels: { organization_guid: ['org-a'] } },
    { id: 'v3', service_plan_id: 'gone' },
  ],
  plans: [
    { id: 'sp1', broker_id: 'b1', catalog_id: 'p1' },
    { id: 'sp2', broker_id: 'b1', catalog_id: 'p2' },
  ],
};
const proxyUrlOf = (id: string) => `http://proxy/osb/${id}`;
const now = '2026-01-01T00:00:00.000Z';
const notification = (
  resource: string,
  type: SmNotification['type'],
  payload: Record<string, unknown>,
  revision = 10,
): SmNotification => ({ revision, resource, type, payload });
const visibilityPayload = (id: string, planId: string, brokerId: string, catalogId: string, labels = {}) => ({
  resource: { id, service_plan_id: planId, platform_id: null, labels },
  additional: { broker_id: brokerId, service_plan: { id: planId, catalog_id: catalogId, catalog_name: 'x' } },
});

describe('desired state', () => {
  it('comes from the SM lists (visibilities of unknown plans skipped)', () => {
    expect(desiredFromLists(lists)).toEqual({
      brokers: [{ id: 'b1', name: 'sample' }],
      visibilities: [
        { id: 'v1', sm_plan_id: 'sp1', sm_broker_id: 'b1', plan_id: 'p1', organizations: [] },
        { id: 'v2', sm_plan_id: 'sp2', sm_broker_id: 'b1', plan_id: 'p2', organizations: ['org-a'] },
      ],
    });
  });

  it('follows broker notifications; a deleted broker takes its visibilities along', () => {
    let desired: Desired = desiredFromLists(lists);
    desired = applyNotification(
      desired,
      notification('/v1/service_brokers', 'CREATED', { new: { resource: { id: 'b2', name: 'other' } } }),
    )!;
    expect(desired.brokers.map((broker) => broker.id)).toEqual(['b1', 'b2']);
    desired = applyNotification(
      desired,
      notification('/v1/service_brokers', 'MODIFIED', {
        old: { resource: { id: 'b1', name: 'sample' } },
        new: { resource: { id: 'b1', name: 'renamed' } },
      }),
    )!;
    expect(desired.brokers).toContainEqual({ id: 'b1', name: 'renamed' });
    desired = applyNotification(
      desired,
      notification('/v1/service_brokers', 'DELETED', { old: { resource: { id: 'b1', name: 'renamed' } } }),
    )!;
    expect(desired).toEqual({ brokers: [{ id: 'b2', name: 'other' }], visibilities: [] });
  });

  it('follows visibility notifications', () => {
    let desired: Desired = { brokers: [{ id: 'b1', name: 'sample' }], visibilities: [] };
    desired = applyNotification(
      desired,
      notification('/v1/visibilities', 'CREATED', {
        new: visibilityPayload('v9', 'sp9', 'b1', 'p9', { organization_guid: ['o'] }),
      }),
    )!;
    expect(desired.visibilities).toEqual([
      { id: 'v9', sm_plan_id: 'sp9', sm_broker_id: 'b1', plan_id: 'p9', organizations: ['o'] },
    ]);
    desired = applyNotification(
      desired,
      notification('/v1/visibilities', 'DELETED', { old: visibilityPayload('v9', 'sp9', 'b1', 'p9') }),
    )!;
    expect(desired.visibilities).toEqual([]);
  });

  it('asks for a resync when a notification cannot be applied', () => {
    const desired = desiredFromLists(lists);
    expect(applyNotification(desired, notification('/v1/visibilities', 'CREATED', {}))).toBeUndefined();
    expect(
      applyNotification(
        desired,
        notification('/v1/visibilities', 'CREATED', { new: { resource: { id: 'v' }, additional: {} } }),
      ),
    ).toBeUndefined();
  });
});

describe('plan visibilities', () => {
  const desired: Desired = {
    brokers: [{ id: 'b1', name: 'sample' }],
    visibilities: [
      { id: 'v1', sm_plan_id: 'sp1', sm_broker_id: 'b1', plan_id: 'p1', organizations: ['o1'] },
      { id: 'v2', sm_plan_id: 'sp1', sm_broker_id: 'b1', plan_id: 'p1', organizations: ['o2'] },
      { id: 'v3', sm_plan_id: 'sp2', sm_broker_id: 'b1', plan_id: 'p2', organizations: ['o1'] },
      { id: 'v4', sm_plan_id: 'sp2', sm_broker_id: 'b1', plan_id: 'p2', organizations: [] },
      { id: 'v5', sm_plan_id: 'sp3', sm_broker_id: 'unregistered', plan_id: 'p3', organizations: [] },
    ],
  };

  it('on Cloud Foundry: the union of organizations, or all when one visibility names none', () => {
    expect(planVisibilities(desired, 'cloudfoundry')).toEqual([
      { sm_plan_id: 'sp1', sm_broker_id: 'b1', plan_id: 'p1', organizations: ['o1', 'o2'] },
      { sm_plan_id: 'sp2', sm_broker_id: 'b1', plan_id: 'p2', organizations: null },
    ]);
  });

  it('on Kubernetes: organizations do not apply', () => {
    expect(planVisibilities(desired, 'kubernetes').map((visibility) => visibility.organizations)).toEqual([
      null,
      null,
    ]);
  });
});

describe('reconcile', () => {
  const desired = desiredFromLists(lists);
  const registered: RegisteredBroker = {
    name: brokerNameFor({ id: 'b1', name: 'sample' }),
    sm_broker_id: 'b1',
    broker_url: proxyUrlOf('b1'),
    registered_at: 'then',
    updated_at: 'then',
  };

  it('registers each SM broker as sm-<name>-<id> at its proxy URL', () => {
    const result = reconcile(desired, { brokers: [], visibilities: [] }, 'kubernetes', proxyUrlOf, now);
    expect(result.brokers).toEqual([{ ...registered, registered_at: now, updated_at: now }]);
    expect(result.registered).toEqual(['sm-sample-b1']);
    expect(result.visibilityChanged).toEqual(['b1']);
  });

  it('changes nothing when in step', () => {
    const first = reconcile(
      desired,
      { brokers: [registered], visibilities: [] },
      'kubernetes',
      proxyUrlOf,
      now,
    );
    const second = reconcile(desired, first, 'kubernetes', proxyUrlOf, now);
    expect(second).toMatchObject({ registered: [], updated: [], removed: [], visibilityChanged: [] });
    expect(second.brokers).toEqual([registered]);
  });

  it('updates a renamed broker or a moved proxy, removes what the SM dropped', () => {
    const moved = reconcile(
      desired,
      { brokers: [registered], visibilities: [] },
      'kubernetes',
      () => 'http://new',
      now,
    );
    expect(moved.updated).toEqual(['sm-sample-b1']);
    expect(moved.brokers[0]).toMatchObject({
      broker_url: 'http://new',
      registered_at: 'then',
      updated_at: now,
    });
    const dropped = reconcile(
      { brokers: [], visibilities: [] },
      { brokers: [registered], visibilities: [] },
      'kubernetes',
      proxyUrlOf,
      now,
    );
    expect(dropped.removed).toEqual([registered]);
    expect(dropped.brokers).toEqual([]);
  });

  it('reports brokers whose visibilities changed', () => {
    const before = reconcile(
      desired,
      { brokers: [registered], visibilities: [] },
      'cloudfoundry',
      proxyUrlOf,
      now,
    );
    const fewer = { ...desired, visibilities: desired.visibilities.slice(0, 1) };
    expect(reconcile(fewer, before, 'cloudfoundry', proxyUrlOf, now).visibilityChanged).toEqual(['b1']);
  });
});
