import { describe, expect, it } from 'vitest';
import { freshResource } from '../../main/core/sm/clock';
import type { VisibilityRecord } from '../../main/core/sm/model';
import { planAccess } from '../../main/core/sm/osb';
import { type OsbHarness, osbHarness } from '../helpers/sm-harness';

interface CatalogBody {
  services: Array<{
    name: string;
    metadata: Record<string, unknown>;
    plans: Array<{ name: string; metadata: Record<string, unknown> }>;
  }>;
}

async function seen(h: OsbHarness, platform: OsbHarness['cf']) {
  const answer = await h.call(platform, 'GET', '/catalog');
  expect(answer.status).toBe(200);
  return (answer.body as CatalogBody).services.flatMap((service) =>
    service.plans.map((plan) => `${service.name}/${plan.name}`),
  );
}

describe('GET /v2/catalog for a platform', () => {
  it('shows nothing without visibilities', async () => {
    const h = await osbHarness({ publicPlans: false });
    expect(await seen(h, h.cf)).toEqual([]);
  });

  it('shows a plan made visible to one platform to that platform only', async () => {
    const h = await osbHarness({ publicPlans: false });
    h.visible('small', h.cf.id);
    expect(await seen(h, h.cf)).toEqual(['db/small']);
    expect(await seen(h, h.k8s)).toEqual([]);
  });

  it('applies plan metadata to public visibilities', async () => {
    const h = await osbHarness();
    expect(await seen(h, h.cf)).toEqual(['db/small', 'db/large', 'db/cf-dev-only', 'db/not-k8s-dev']);
    expect(await seen(h, h.k8s)).toEqual(['db/small', 'db/large', 'db/k8s-only']);
  });

  it('shows plans of org-scoped visibilities to Cloud Foundry (its proxy applies them per org)', async () => {
    const h = await osbHarness({ publicPlans: false });
    h.visible('small', h.cf.id, { organization_guid: ['org-a'] });
    h.visible('large', null, { organization_guid: ['org-b'] });
    expect(await seen(h, h.cf)).toEqual(['db/small', 'db/large']);
    expect(await seen(h, h.k8s)).toEqual(['db/large']);
  });

  it('drops offerings without visible plans and adds the SM ids', async () => {
    const h = await osbHarness();
    const answer = await h.call(h.cf, 'GET', '/catalog');
    const [db, ...others] = (answer.body as CatalogBody).services;
    expect(others).toEqual([]);
    const offering = h.catalog.offerings().find((candidate) => candidate.catalog_id === 'svc-db')!;
    expect(db!.metadata).toEqual({ displayName: 'DB', sm_offering_id: offering.id });
    expect(db!.plans[0]!.metadata).toEqual({ sm_plan_id: h.planId('small') });
    expect(h.client.calls.filter((call) => call.request.path === '/v2/catalog')).toHaveLength(1);
  });
});

describe('planAccess', () => {
  const cf = { id: 'cf', name: 'cf-dev', type: 'cloudfoundry' };
  const k8s = { id: 'k8s', name: 'k8s-dev', type: 'kubernetes' };
  const visibility = (platform_id: string | null, orgs?: string[]): VisibilityRecord => ({
    ...freshResource(),
    service_plan_id: 'p',
    platform_id,
    labels: orgs ? { organization_guid: orgs } : {},
  });
  const plan = (metadata?: Record<string, unknown>) => ({ id: 'p', metadata });

  it.each([
    ['no visibility', plan(), [], cf, undefined],
    ['a visibility of another platform', plan(), [visibility('k8s')], cf, undefined],
    ['its own visibility', plan(), [visibility('cf')], cf, { orgs: 'all' }],
    ['a public visibility', plan(), [visibility(null)], k8s, { orgs: 'all' }],
    [
      'org-scoped for CF',
      plan(),
      [visibility('cf', ['o1']), visibility(null, ['o2'])],
      cf,
      { orgs: ['o1', 'o2'] },
    ],
    [
      'org-scoped and unscoped for CF',
      plan(),
      [visibility('cf', ['o1']), visibility(null)],
      cf,
      { orgs: 'all' },
    ],
    ['org labels ignored for Kubernetes', plan(), [visibility(null, ['o1'])], k8s, { orgs: 'all' }],
    [
      'supportedPlatforms without its type',
      plan({ supportedPlatforms: ['kubernetes'] }),
      [visibility(null)],
      cf,
      undefined,
    ],
    [
      'supportedPlatforms with its type',
      plan({ supportedPlatforms: ['kubernetes'] }),
      [visibility(null)],
      k8s,
      { orgs: 'all' },
    ],
    [
      'supportedPlatformNames without it',
      plan({ supportedPlatformNames: ['other'] }),
      [visibility(null)],
      cf,
      undefined,
    ],
    [
      'supportedPlatformNames with it',
      plan({ supportedPlatformNames: ['cf-dev'] }),
      [visibility(null)],
      cf,
      { orgs: 'all' },
    ],
    [
      'excludedPlatformNames with it',
      plan({ excludedPlatformNames: ['cf-dev'] }),
      [visibility(null)],
      cf,
      undefined,
    ],
    ['metadata cannot replace a visibility', plan({ supportedPlatformNames: ['cf-dev'] }), [], cf, undefined],
  ] as const)('%s', (_name, candidate, visibilities, platform, expected) => {
    expect(planAccess(candidate, platform, [...visibilities])).toEqual(expected);
  });
});
