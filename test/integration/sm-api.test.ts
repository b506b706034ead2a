import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/simulator';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.cleanup());

const q = (query: string) => encodeURIComponent(query);

describe('SM authentication', () => {
  const adminRoutes: Array<[string, string]> = [
    ['GET', '/v1/service_brokers'],
    ['POST', '/v1/service_brokers'],
    ['GET', '/v1/service_brokers/x'],
    ['PATCH', '/v1/service_brokers/x'],
    ['DELETE', '/v1/service_brokers/x'],
    ['GET', '/v1/platforms'],
    ['POST', '/v1/platforms'],
    ['PATCH', '/v1/platforms/x'],
    ['DELETE', '/v1/platforms/x'],
    ['GET', '/v1/service_offerings'],
    ['PATCH', '/v1/service_offerings/x'],
    ['GET', '/v1/service_plans'],
    ['PATCH', '/v1/service_plans/x'],
    ['GET', '/v1/visibilities'],
    ['POST', '/v1/visibilities'],
    ['PATCH', '/v1/visibilities/x'],
    ['DELETE', '/v1/visibilities/x'],
    ['GET', '/v1/service_instances'],
    ['GET', '/v1/service_instances/x/parameters'],
    ['PATCH', '/v1/service_instances/x'],
    ['GET', '/v1/service_bindings'],
    ['GET', '/v1/operations'],
  ];

  it('answers 401 on every admin route without or with wrong credentials', async () => {
    for (const [method, path] of adminRoutes) {
      const without = await t.smCall(
        method,
        path,
        method === 'GET' || method === 'DELETE' ? undefined : {},
        null,
      );
      expect(without.status, `${method} ${path} without credentials`).toBe(401);
      expect(without.body.error).toBe('Unauthorized');
      const wrong = await t.smCall(method, path, undefined, t.basic('admin', 'wrong'));
      expect(wrong.status, `${method} ${path} with wrong credentials`).toBe(401);
    }
  });

  it('lets a platform read brokers and plans but not change them', async () => {
    const platform = (await t.smCall('POST', '/v1/platforms', { name: 'reader', type: 'cloudfoundry' })).body;
    const auth = t.basic(platform.credentials.basic.username, platform.credentials.basic.password);
    expect((await t.smCall('GET', '/v1/service_brokers', undefined, auth)).status).toBe(200);
    expect((await t.smCall('GET', '/v1/service_plans', undefined, auth)).status).toBe(200);
    expect((await t.smCall('POST', '/v1/service_brokers', {}, auth)).status).toBe(401);
    expect((await t.smCall('GET', '/v1/platforms', undefined, auth)).status).toBe(401);
  });

  it('serves /v1/info without credentials', async () => {
    const info = await t.smCall('GET', '/v1/info', undefined, null);
    expect(info.status).toBe(200);
    expect(info.body.admin_user).toBe('admin');
  });
});

describe('/v1/platforms', () => {
  it('returns generated credentials only on POST and on regenerate; old ones work until the new ones are used', async () => {
    const created = await t.smCall('POST', '/v1/platforms', {
      name: 'cf-extra',
      type: 'cloudfoundry',
      description: 'a CF',
    });
    expect(created.status).toBe(201);
    const first = created.body.credentials.basic;
    expect(first.username).toBeTruthy();
    const got = await t.smCall('GET', `/v1/platforms/${created.body.id}`);
    expect(got.body.credentials).toBeUndefined();
    expect(got.text).not.toContain(first.password);

    const regenerated = await t.smCall(
      'PATCH',
      `/v1/platforms/${created.body.id}?regenerateCredentials=true`,
      {},
    );
    const second = regenerated.body.credentials.basic;
    expect(second.password).not.toBe(first.password);
    const oldAuth = t.basic(first.username, first.password);
    const newAuth = t.basic(second.username, second.password);
    expect((await t.smCall('GET', '/v1/service_plans', undefined, oldAuth)).status).toBe(200);
    expect((await t.smCall('GET', '/v1/service_plans', undefined, newAuth)).status).toBe(200);
    expect((await t.smCall('GET', '/v1/service_plans', undefined, oldAuth)).status).toBe(401);
  });

  it('refuses a duplicate name and a missing type', async () => {
    await t.smCall('POST', '/v1/platforms', { name: 'k8s-x', type: 'kubernetes' });
    expect((await t.smCall('POST', '/v1/platforms', { name: 'k8s-x', type: 'kubernetes' })).status).toBe(409);
    const missing = await t.smCall('POST', '/v1/platforms', { name: 'no-type' });
    expect(missing.status).toBe(400);
    expect(missing.body.description).toMatch(/type/);
  });
});

describe('lists: paging and queries', () => {
  beforeAll(async () => {
    for (let i = 0; i < 7; i++) {
      await t.smCall('POST', '/v1/platforms', {
        name: `page-${i}`,
        type: i % 2 ? 'kubernetes' : 'cloudfoundry',
        labels: { team: [i < 3 ? 'a' : 'b'], index: [String(i)] },
      });
    }
  });

  it('pages with max_items, token and a Link header', async () => {
    const query = `fieldQuery=${q("name contains 'page-'")}`;
    const first = await t.smCall('GET', `/v1/platforms?${query}&max_items=3`);
    expect(first.body.num_items).toBe(7);
    expect(first.body.items).toHaveLength(3);
    expect(first.headers.get('link')).toMatch(/rel="next"/);
    const seen = first.body.items.map((item: { name: string }) => item.name);
    let token = first.body.token;
    while (token) {
      const next = await t.smCall(
        'GET',
        `/v1/platforms?${query}&max_items=3&token=${encodeURIComponent(token)}`,
      );
      seen.push(...next.body.items.map((item: { name: string }) => item.name));
      token = next.body.token;
    }
    expect(seen).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4', 'page-5', 'page-6']);
    const count = await t.smCall('GET', `/v1/platforms?${query}&max_items=0`);
    expect(count.body).toEqual({ num_items: 7, items: [] });
  });

  it('supports every fieldQuery operator', async () => {
    const names = async (query: string) => {
      const answer = await t.smCall(
        'GET',
        `/v1/platforms?fieldQuery=${q(`name contains 'page-' and ${query}`)}`,
      );
      expect(answer.status, query).toBe(200);
      return answer.body.items.map((item: { name: string }) => item.name).sort();
    };
    expect(await names("name eq 'page-1'")).toEqual(['page-1']);
    expect(await names("type ne 'cloudfoundry'")).toEqual(['page-1', 'page-3', 'page-5']);
    expect(await names("name gt 'page-4'")).toEqual(['page-5', 'page-6']);
    expect(await names("name ge 'page-5'")).toEqual(['page-5', 'page-6']);
    expect(await names("name lt 'page-1'")).toEqual(['page-0']);
    expect(await names("name le 'page-1'")).toEqual(['page-0', 'page-1']);
    expect(await names("name in ('page-2','page-3')")).toEqual(['page-2', 'page-3']);
    expect(await names("name notin ('page-0','page-1','page-2','page-3')")).toEqual([
      'page-4',
      'page-5',
      'page-6',
    ]);
    expect(await names("description en ''")).toHaveLength(7);
    expect(await names("name contains '-6'")).toEqual(['page-6']);
  });

  it('supports labelQuery and label PATCH operations', async () => {
    const team = await t.smCall('GET', `/v1/platforms?labelQuery=${q("team eq 'a'")}`);
    expect(team.body.items.map((item: { name: string }) => item.name).sort()).toEqual([
      'page-0',
      'page-1',
      'page-2',
    ]);
    const id = team.body.items[0].id;
    const patched = await t.smCall('PATCH', `/v1/platforms/${id}`, {
      labels: [
        { op: 'add', key: 'env', values: ['dev'] },
        { op: 'remove', key: 'team' },
      ],
    });
    expect(patched.body.labels).toMatchObject({ env: ['dev'] });
    expect(patched.body.labels.team).toBeUndefined();
    const teamNotA = await t.smCall(
      'GET',
      `/v1/platforms?labelQuery=${q("team notin ('a') and index in ('0','1','2')")}`,
    );
    expect(teamNotA.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
  });

  it('refuses malformed queries with 400 naming the problem', async () => {
    const cases: Array<[string, RegExp]> = [
      ["name eqq 'x'", /unknown operator "eqq"/],
      ["name eq 'x", /unterminated/],
      ["nmae eq 'x'", /unknown field "nmae"/],
      ["name in 'x'", /needs a list/],
    ];
    for (const [query, message] of cases) {
      const answer = await t.smCall('GET', `/v1/platforms?fieldQuery=${q(query)}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error).toBe('BadRequest');
      expect(answer.body.description).toMatch(message);
    }
    expect((await t.smCall('GET', '/v1/platforms?max_items=500')).status).toBe(400);
    expect((await t.smCall('GET', '/v1/platforms?token=garbage')).status).toBe(400);
  });
});

describe('/v1/visibilities', () => {
  it('creates, changes and deletes visibilities, checking plan and platform', async () => {
    const plan = (await t.smCall('GET', '/v1/service_plans?max_items=1')).body.items[0];
    const platform = (await t.smCall('POST', '/v1/platforms', { name: 'vis-target', type: 'kubernetes' }))
      .body;
    const created = await t.smCall('POST', '/v1/visibilities', {
      service_plan_id: plan.id,
      platform_id: platform.id,
    });
    expect(created.status).toBe(201);
    expect(
      (await t.smCall('POST', '/v1/visibilities', { service_plan_id: plan.id, platform_id: platform.id }))
        .status,
    ).toBe(409);
    expect((await t.smCall('POST', '/v1/visibilities', { service_plan_id: 'nope' })).status).toBe(404);
    expect(
      (await t.smCall('POST', '/v1/visibilities', { service_plan_id: plan.id, platform_id: 'nope' })).status,
    ).toBe(404);
    const patched = await t.smCall('PATCH', `/v1/visibilities/${created.body.id}`, {
      labels: [{ op: 'add', key: 'organization_guid', values: ['org-1'] }],
    });
    expect(patched.body.labels).toEqual({ organization_guid: ['org-1'] });
    expect((await t.smCall('DELETE', `/v1/visibilities/${created.body.id}`)).status).toBe(200);
    expect((await t.smCall('GET', `/v1/visibilities/${created.body.id}`)).status).toBe(404);
  });
});

describe('offerings and plans', () => {
  it('have ids that survive a restart of the simulator', async () => {
    const first = await startTestSimulator();
    const planIds = async (url: string, auth: string) => {
      const response = await fetch(`${url}/v1/service_plans?max_items=200`, {
        headers: { Authorization: auth },
      });
      return (await response.json()).items.map((plan: { id: string }) => plan.id).sort();
    };
    const before = await planIds(first.smUrl, first.adminAuth);
    await first.simulator.stop();
    const again = await startSimulator({ portBase: 0, dataDir: first.dataDir, logLevel: 'silent' });
    try {
      expect(await planIds(again.endpoints.serviceManager!.url, first.adminAuth)).toEqual(before);
      expect(before.length).toBeGreaterThan(3);
    } finally {
      await again.stop();
      await first.cleanup();
    }
  });
});
