import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, deepObject, type RawAnswer, rawRequest } from '../helpers/raw-http';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

let sim: TestSimulator;
const json = { 'Content-Type': 'application/json' };
let servers: Record<string, { url: string; authorization?: string }>;
let osbPath: string;
let platformAuth: string;

beforeAll(async () => {
  sim = await startTestSimulator();
  const { endpoints, store } = sim.simulator;
  const [cf, k8s] = endpoints.platforms;
  const sample = endpoints.sampleBroker!;
  servers = {
    control: { url: endpoints.control.url },
    sm: { url: sim.smUrl, authorization: sim.adminAuth },
    cf: {
      url: cf!.url,
      authorization: basicAuth(cf!.proxyCredentials.username, cf!.proxyCredentials.password),
    },
    k8s: { url: k8s!.url },
    sample: {
      url: sample.url,
      authorization: basicAuth(sample.credentials.username, sample.credentials.password),
    },
  };
  const brokerId = store.data.sm.brokers.find((broker) => broker.name === 'sample')!.id;
  osbPath = `/v1/osb/${brokerId}/v2/service_instances/deep-1`;
  const { username, password } = store.data.platforms['cf-dev']!.sm!.credentials;
  platformAuth = basicAuth(username, password);
});
afterAll(() => sim.cleanup());

const snapshot = () => JSON.stringify(sim.simulator.store.data);

/** A refusal in the API's words: a 4xx with `{error, description}`. */
function expectRefusal(answer: RawAnswer, status: number, mentions?: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  expect(answer.json).toMatchObject({ error: expect.any(String), description: expect.any(String) });
  if (mentions) expect((answer.json as { description: string }).description).toContain(mentions);
}

describe('deep JSON', () => {
  it('a platform API provision with parameters nested 4,300 levels is a 400 and changes nothing', async () => {
    const before = snapshot();
    const body = `{"name":"deep","service":"sample-db","plan":"small","parameters":${deepObject(4300)}}`;
    const answer = await rawRequest(servers.cf!.url, {
      method: 'POST',
      path: '/api/service_instances',
      headers: json,
      body,
    });
    expectRefusal(answer, 400, 'limits.maxJsonDepth');
    expect(snapshot()).toBe(before);
    const instances = await rawRequest(servers.cf!.url, { path: '/api/service_instances' });
    expect(instances.json).toEqual({ items: [] });
  });

  it('a 5,000-deep body on the SM OSB route is a 400, recorded as that refusal, and the SM stays up', async () => {
    const answer = await rawRequest(sim.smUrl, {
      method: 'PUT',
      path: osbPath,
      headers: { ...json, Authorization: platformAuth, 'X-Broker-API-Version': '2.17' },
      body: `{"service_id":"x","plan_id":"y","parameters":${deepObject(5000)}}`,
    });
    expectRefusal(answer, 400, 'limits.maxJsonDepth');
    const info = await rawRequest(sim.smUrl, { path: '/v1/info' });
    expect(info.status).toBe(200);
    await expect
      .poll(() => sim.simulator.traffic.exchanges().find((exchange) => exchange.url.endsWith(osbPath)))
      .toMatchObject({ hop: 'client→sm', response: { status: 400 } });
    const recorded = sim.simulator.traffic.exchanges().find((exchange) => exchange.url.endsWith(osbPath));
    expect(recorded?.request.body).toBeUndefined();
  });

  it('deep bodies on /api/sm/*, the platform proxy and the sample broker are 400s', async () => {
    const deep = deepObject(5000);
    const cases: Array<[string, string, string, string | undefined]> = [
      ['control', 'POST', '/api/sm/service_brokers', undefined],
      ['cf', 'PUT', '/osb/x/v2/service_instances/deep-2', servers.cf!.authorization],
      ['sample', 'PUT', '/v2/service_instances/deep-3', servers.sample!.authorization],
      ['sm', 'POST', '/v1/service_brokers', sim.adminAuth],
    ];
    for (const [server, method, path, authorization] of cases) {
      const headers: Record<string, string> = { ...json, 'X-Broker-API-Version': '2.17' };
      if (authorization) headers.Authorization = authorization;
      const answer = await rawRequest(servers[server]!.url, { method, path, headers, body: deep });
      expectRefusal(answer, 400, 'limits.maxJsonDepth');
    }
  });

  it('accepts a body at the depth limit', async () => {
    const answer = await rawRequest(servers.sm!.url, {
      method: 'POST',
      path: '/v1/service_brokers',
      headers: { ...json, Authorization: sim.adminAuth },
      body: `{"name":"at-limit","broker_url":"http://127.0.0.1:1","labels":${deepObject(62)}}`,
    });
    // Past the gate: the SM's own validation answers (labels are not nested objects).
    expectRefusal(answer, 400);
    expect((answer.json as { description: string }).description).not.toContain('maxJsonDepth');
  });
});

describe('every server', () => {
  it('answers TRACE and other unknown methods with a JSON 405', async () => {
    for (const server of Object.values(servers)) {
      for (const method of ['TRACE', 'PROPFIND', 'FOO']) {
        const answer = await rawRequest(server.url, { method, path: '/v2/catalog' });
        expectRefusal(answer, 405);
      }
    }
  });

  it('answers a 10,000-character id with a JSON 414 and a 20,000-character one with a JSON 431', async () => {
    for (const server of Object.values(servers)) {
      const long = await rawRequest(server.url, { path: `/v1/service_brokers/${'a'.repeat(10_000)}` });
      expectRefusal(long, 414, 'limits.maxIdLength');
      const huge = await rawRequest(server.url, { path: `/v2/service_instances/${'a'.repeat(20_000)}` });
      expectRefusal(huge, 431);
      const head = await rawRequest(server.url, { method: 'HEAD', path: `/v2/${'a'.repeat(20_000)}` });
      expect([head.status, head.text]).toEqual([431, '']);
    }
  });

  it('refuses text/plain and other non-JSON bodies with 415, before anything changes', async () => {
    const before = snapshot();
    const body = JSON.stringify({ name: 'simple', broker_url: 'http://127.0.0.1:1' });
    for (const server of Object.values(servers)) {
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const answer = await rawRequest(server.url, {
          method: 'POST',
          path: '/api/sm/service_brokers',
          headers: {
            'Content-Type': type,
            ...(server.authorization ? { Authorization: server.authorization } : {}),
          },
          body,
        });
        expectRefusal(answer, 415, 'application/json');
      }
    }
    expect(snapshot()).toBe(before);
  });

  it('refuses a lone surrogate in a broker name with 400', async () => {
    const answer = await rawRequest(sim.smUrl, {
      method: 'POST',
      path: '/v1/service_brokers',
      headers: { ...json, Authorization: sim.adminAuth },
      body: '{"name":"bad\\ud800name","broker_url":"http://127.0.0.1:1","credentials":{"basic":{"username":"u","password":"p"}}}',
    });
    expectRefusal(answer, 400, 'surrogate');
    expect(sim.simulator.store.data.sm.brokers.map((broker) => broker.name)).toEqual(['sample']);
  });

  it('refuses names, label keys and label values over limits.maxNameLength and ids over limits.maxIdLength', async () => {
    const before = snapshot();
    const broker = {
      broker_url: 'http://127.0.0.1:1',
      credentials: { basic: { username: 'u', password: 'p' } },
    };
    const bodies: Array<[string, unknown, string]> = [
      ['/v1/service_brokers', { ...broker, name: 'n'.repeat(257) }, 'limits.maxNameLength'],
      [
        '/v1/service_brokers',
        { ...broker, name: 'ok', labels: { ['k'.repeat(257)]: ['v'] } },
        'limits.maxNameLength',
      ],
      ['/v1/platforms', { name: 'ok', type: 'cf', labels: { k: ['v'.repeat(257)] } }, 'limits.maxNameLength'],
      ['/v1/platforms', { id: 'i'.repeat(257), name: 'ok', type: 'cf' }, 'limits.maxIdLength'],
    ];
    for (const [path, body, key] of bodies) {
      const answer = await rawRequest(sim.smUrl, {
        method: 'POST',
        path,
        headers: { ...json, Authorization: sim.adminAuth },
        body: JSON.stringify(body),
      });
      expectRefusal(answer, 400, key);
    }
    expect(snapshot()).toBe(before);
  });

  it('answers a body over limits.maxBodyBytes with 413 naming the key', async () => {
    const answer = await rawRequest(sim.smUrl, {
      method: 'POST',
      path: '/v1/service_brokers',
      headers: { ...json, Authorization: sim.adminAuth },
      body: `{"name":"${'x'.repeat(1024 * 1024)}"}`,
    });
    expectRefusal(answer, 413, 'limits.maxBodyBytes');
  });
});

describe('compressed bodies', () => {
  const post = (encoding: string, body: Buffer) =>
    rawRequest(sim.smUrl, {
      method: 'POST',
      path: '/v1/service_brokers',
      headers: { ...json, Authorization: sim.adminAuth, 'Content-Encoding': encoding },
      body,
    });

  it('limits a gzip body by its size after decompression (a gzip bomb is a 413)', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 32));
    expect(bomb.length).toBeLessThan(100 * 1024);
    expectRefusal(await post('gzip', bomb), 413, 'limits.maxBodyBytes');
    expectRefusal(await post('gzip', gzipSync(deepObject(100))), 400, 'limits.maxJsonDepth');
  });

  it('refuses a body that is not in its Content-Encoding (400) or in one nobody speaks (415)', async () => {
    expectRefusal(await post('gzip', Buffer.from('{}')), 400, 'Content-Encoding');
    expectRefusal(await post('x-junk', Buffer.from('{}')), 415, 'Content-Encoding');
  });
});

describe('control server', () => {
  it('answers a non-GET to a UI path with a JSON 404', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const answer = await rawRequest(servers.control!.url, { method, path: '/traffic' });
      expectRefusal(answer, 404);
    }
  });

  it('takes a HAR import over limits.maxBodyBytes: the import has its own limit', async () => {
    const har = JSON.parse(await readFile('fixtures/recordings/sample-session.har', 'utf8'));
    har.log.comment = 'x'.repeat(2 * 1024 * 1024);
    const body = JSON.stringify(har);
    const imported = await rawRequest(servers.control!.url, {
      method: 'POST',
      path: '/api/traffic/import',
      headers: json,
      body,
    });
    expect(imported.status, imported.text).toBe(201);
    const elsewhere = await rawRequest(servers.control!.url, {
      method: 'POST',
      path: '/api/mock-brokers',
      headers: json,
      body,
    });
    expectRefusal(elsewhere, 413, 'limits.maxBodyBytes');
  });

  it('answers an invalid HAR posted to /api/mock-brokers with 400', async () => {
    const answer = await rawRequest(servers.control!.url, {
      method: 'POST',
      path: '/api/mock-brokers',
      headers: json,
      body: JSON.stringify({ name: 'bad-har', har: { log: { entries: 'nope' } } }),
    });
    expectRefusal(answer, 400);
  });
});

describe('configured limits', () => {
  it('holds names, labels and ids to limits.maxNameLength and limits.maxIdLength from the config', async () => {
    const small = await startTestSimulator({
      sampleBroker: false,
      config: { limits: { maxNameLength: 20, maxIdLength: 40 } },
    });
    try {
      const name = 'n'.repeat(21);
      const refused = [
        await small.smCall('POST', '/v1/platforms', { name, type: 'cf' }),
        await small.smCall('POST', '/v1/platforms', { name: 'ok', type: 'cf', labels: { k: [name] } }),
        await small.smCall('POST', '/v1/platforms', { id: 'i'.repeat(41), name: 'ok', type: 'cf' }),
      ];
      expect(refused.map(({ status }) => status)).toEqual([400, 400, 400]);
      expect(refused.map(({ body }) => body.description)).toEqual([
        expect.stringContaining('limits.maxNameLength'),
        expect.stringContaining('limits.maxNameLength'),
        expect.stringContaining('limits.maxIdLength'),
      ]);
      const created = await small.smCall('POST', '/v1/platforms', { name: 'n'.repeat(20), type: 'cf' });
      expect(created.status).toBe(201);
      const patched = await small.smCall('PATCH', `/v1/platforms/${created.body.id}`, {
        labels: [{ op: 'add', key: 'k', values: [name] }],
      });
      expect(patched.status).toBe(400);
      const path = await rawRequest(small.smUrl, { path: `/v1/platforms/${'i'.repeat(41)}` });
      expectRefusal(path, 414, 'limits.maxIdLength');
    } finally {
      await small.cleanup();
    }
  });
});
