import { describe, expect, it } from 'vitest';
import {
  bindingContext,
  instanceContext,
  originatingIdentity,
  profiles,
  stableGuid,
} from '../../main/core/platform/profiles';
import {
  bindRequest,
  deprovisionRequest,
  pollRequest,
  provisionRequest,
  updateRequest,
} from '../../main/core/platform/requests';

const cf = profiles.cloudfoundry;
const k8s = profiles.kubernetes;
const decode = (header: string) => {
  const [platform, encoded] = header.split(' ');
  return { platform, user: JSON.parse(Buffer.from(encoded!, 'base64').toString('utf8')) };
};

describe('platform profiles', () => {
  it('derive stable GUIDs per platform', () => {
    expect(stableGuid('cf-dev/organization')).toBe(stableGuid('cf-dev/organization'));
    expect(stableGuid('cf-dev/organization')).not.toBe(stableGuid('cf-prod/organization'));
    expect(stableGuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('build Cloud Foundry instance and binding contexts (binding: no instance_name)', () => {
    const defaults = cf.defaults('cf-dev');
    const instance = instanceContext(cf, defaults, 'db');
    expect(instance).toEqual({
      platform: 'cloudfoundry',
      organization_guid: stableGuid('cf-dev/organization'),
      organization_name: 'cf-dev-org',
      space_guid: stableGuid('cf-dev/space'),
      space_name: 'dev',
      instance_name: 'db',
    });
    const { instance_name: _, ...rest } = instance;
    expect(bindingContext(cf, instance)).toEqual(rest);
  });

  it('build Kubernetes contexts', () => {
    const instance = instanceContext(k8s, k8s.defaults('k8s-dev'), 'db');
    expect(instance).toEqual({
      platform: 'kubernetes',
      namespace: 'default',
      clusterid: stableGuid('k8s-dev/cluster'),
      instance_name: 'db',
    });
    expect(bindingContext(k8s, instance)).toEqual({
      platform: 'kubernetes',
      namespace: 'default',
      clusterid: stableGuid('k8s-dev/cluster'),
    });
  });

  it('let a request override context fields but never platform or instance_name', () => {
    const context = instanceContext(k8s, k8s.defaults('k8s-dev'), 'db', {
      namespace: 'team-a',
      platform: 'other',
      instance_name: 'other',
      extra: 1,
    });
    expect(context).toMatchObject({
      platform: 'kubernetes',
      namespace: 'team-a',
      instance_name: 'db',
      extra: 1,
    });
  });

  it('send the originating identity of each platform type', () => {
    expect(decode(originatingIdentity(cf, 'cf-dev'))).toEqual({
      platform: 'cloudfoundry',
      user: { user_id: stableGuid('cf-dev/user') },
    });
    expect(decode(originatingIdentity(k8s, 'k8s-dev'))).toEqual({
      platform: 'kubernetes',
      user: {
        username: 'kubernetes-admin',
        uid: stableGuid('k8s-dev/user'),
        groups: ['system:masters', 'system:authenticated'],
        extra: {},
      },
    });
  });
});

describe('platform OSB requests', () => {
  const context = instanceContext(cf, cf.defaults('cf-dev'), 'db');
  const instance = { id: 'i 1', service_id: 's', plan_id: 'p', context, parameters: {} };

  it('provision with accepts_incomplete, context and the legacy org/space guids', () => {
    const request = provisionRequest(cf, { ...instance, parameters: { size: 1 } });
    expect(request).toMatchObject({
      method: 'PUT',
      path: '/service_instances/i%201',
      query: { accepts_incomplete: 'true' },
      userInitiated: true,
    });
    expect(request.body).toEqual({
      service_id: 's',
      plan_id: 'p',
      context,
      organization_guid: context.organization_guid,
      space_guid: context.space_guid,
      parameters: { size: 1 },
    });
    const k8sContext = instanceContext(k8s, k8s.defaults('k8s-dev'), 'db');
    expect(provisionRequest(k8s, { ...instance, context: k8sContext }).body).toMatchObject({
      organization_guid: k8sContext.clusterid,
      space_guid: 'default',
    });
  });

  it('update with previous_values, and plan_id / parameters only when they change', () => {
    const body = updateRequest(cf, instance, { context }).body;
    expect(body).toEqual({
      service_id: 's',
      context,
      previous_values: {
        service_id: 's',
        plan_id: 'p',
        organization_id: context.organization_guid,
        space_id: context.space_guid,
      },
    });
    expect(updateRequest(cf, instance, { context, plan_id: 'p2', parameters: { a: 1 } }).body).toMatchObject({
      plan_id: 'p2',
      parameters: { a: 1 },
    });
  });

  it('bind with bind_resource.app_guid (and the legacy app_guid) on Cloud Foundry', () => {
    const binding = { id: 'b', context: {}, parameters: {}, bind_resource: { app_guid: 'app' } };
    expect(bindRequest(instance, binding).body).toEqual({
      service_id: 's',
      plan_id: 'p',
      context: {},
      app_guid: 'app',
      bind_resource: { app_guid: 'app' },
    });
    expect(bindRequest(instance, { ...binding, bind_resource: undefined }).body).not.toHaveProperty(
      'app_guid',
    );
  });

  it('delete and poll with service_id and plan_id; only user actions carry the identity', () => {
    expect(deprovisionRequest(instance)).toMatchObject({
      query: { accepts_incomplete: 'true', service_id: 's', plan_id: 'p' },
      userInitiated: true,
    });
    expect(deprovisionRequest(instance, false).userInitiated).toBe(false);
    expect(pollRequest(instance, { id: 'b' }, 'op 1')).toEqual({
      method: 'GET',
      path: '/service_instances/i%201/service_bindings/b/last_operation',
      query: { service_id: 's', plan_id: 'p', operation: 'op 1' },
      userInitiated: false,
    });
  });
});
