import { type IncomingHttpHeaders, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockBroker, startMockBroker } from '../../main/workflows/mock-broker';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

const RECORDING = fileURLToPath(new URL('../../fixtures/recordings/sample-session.har', import.meta.url));

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
  body: any;
}

/** One HTTP call to 127.0.0.1 with the path and headers exactly as given (fetch would normalise both). */
function raw(
  url: string,
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => {
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // kept as text
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url}${path}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** The status line of a WebSocket upgrade request to `path`, and the JSON body of a refusal. */
function upgrade(url: string, path: string, headers: Record<string, string>): Promise<Answer> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      timeout: 10_000,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': Buffer.from('0123456789abcdef').toString('base64'),
        ...headers,
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: undefined });
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to the upgrade at ${url}${path}`)));
    req.on('error', reject);
    req.end();
  });
}

const expectRefusal = (answer: Answer, status: number, error: string) => {
  expect(answer.status).toBe(status);
  expect(answer.body.error).toBe(error);
  expect(answer.body.description).toEqual(expect.any(String));
  expect(answer.headers['access-control-allow-origin']).toBeUndefined();
};

let sim: TestSimulator;
let mock: MockBroker;
let control: string;
let basic: (user: { username: string; password: string }) => string;

beforeAll(async () => {
  [sim, mock] = await Promise.all([startTestSimulator(), startMockBroker(RECORDING)]);
  control = sim.simulator.endpoints.control.url;
  basic = ({ username, password }) => sim.basic(username, password);
});
afterAll(async () => {
  await Promise.all([sim?.cleanup(), mock?.close()]);
});

describe('Host check (DNS rebinding)', () => {
  const servers = () => {
    const { serviceManager, platforms, sampleBroker } = sim.simulator.endpoints;
    return [
      ['control', control, '/api/endpoints'],
      ['service manager', serviceManager!.url, '/v1/info'],
      ...platforms.map((platform) => [platform.name, platform.url, '/api/service_instances']),
      ['sample broker', sampleBroker!.url, '/v2/catalog'],
      ['mock broker', mock.url, '/v2/catalog'],
    ] as const;
  };

  it('refuses a foreign Host on every server, and answers the loopback names', async () => {
    expect(servers()).toHaveLength(6);
    for (const [name, url, path] of servers()) {
      const port = new URL(url).port;
      for (const host of ['evil.example', `evil.example:${port}`, `192.0.2.1:${port}`]) {
        const answer = await raw(url, path, { headers: { Host: host } });
        expect(answer.status, `${name} with Host ${host}`).toBe(403);
        expect(answer.body.error).toBe('HostNotAllowed');
      }
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost', `[::1]:${port}`]) {
        const answer = await raw(url, path, { headers: { Host: host } });
        expect(answer.body.error, `${name} with Host ${host}`).not.toBe('HostNotAllowed');
      }
    }
  });

  it('never gives the passwords of /api/endpoints to a rebound name', async () => {
    const answer = await raw(control, '/api/endpoints', { headers: { Host: 'evil.example' } });
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.body)).not.toContain(sim.simulator.endpoints.serviceManager!.admin.password);
  });

  it('refuses a foreign Host or Origin on the notifications WebSocket too', async () => {
    const sm = sim.simulator.endpoints.serviceManager!;
    const platform = sim.simulator.endpoints.platforms[0]!;
    const smPlatform = sim.simulator.store.data.platforms[platform.name]!.sm!.credentials;
    const auth = { Authorization: basic(smPlatform) };
    const port = new URL(sm.url).port;
    const rebound = await upgrade(sm.url, '/v1/notifications', { ...auth, Host: `evil.example:${port}` });
    expectRefusal(rebound, 403, 'HostNotAllowed');
    const foreign = await upgrade(sm.url, '/v1/notifications', { ...auth, Origin: 'http://evil.example' });
    expectRefusal(foreign, 403, 'CrossOriginRequest');
    expect((await upgrade(sm.url, '/v1/notifications', auth)).status).toBe(101);
  });
});

describe('cross-origin requests', () => {
  const platformsOf = async () => (await sim.smCall('GET', '/v1/platforms')).body.items.length;

  it('refuse a text/plain POST from another site (no preflight) and change nothing', async () => {
    const before = await platformsOf();
    const body = JSON.stringify({ name: 'evil', type: 'cloudfoundry' });
    const foreignSenders: Record<string, string>[] = [
      { Origin: 'http://evil.example', 'Content-Type': 'text/plain' },
      { Origin: 'null', 'Content-Type': 'text/plain' },
      { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'text/plain' },
      { 'Sec-Fetch-Site': 'same-site', 'Content-Type': 'application/json' },
      { Origin: `http://127.0.0.1:${Number(new URL(control).port) + 1}`, 'Content-Type': 'application/json' },
    ];
    for (const headers of foreignSenders) {
      const answer = await raw(control, '/api/sm/platforms', { method: 'POST', headers, body });
      expectRefusal(answer, 403, 'CrossOriginRequest');
    }
    expect(await platformsOf()).toBe(before);
  });

  it('refuse foreign state changes on the SM and the platform APIs, and a foreign fault switch', async () => {
    const { serviceManager, platforms } = sim.simulator.endpoints;
    const origin = { Origin: 'http://evil.example', 'Content-Type': 'application/json' };
    const admin = { ...origin, Authorization: basic(serviceManager!.admin) };
    expectRefusal(
      await raw(serviceManager!.url, '/v1/platforms', { method: 'POST', headers: admin, body: '{}' }),
      403,
      'CrossOriginRequest',
    );
    const platform = platforms[0]!;
    const proxyAuth = { ...origin, Authorization: basic(platform.proxyCredentials) };
    expectRefusal(
      await raw(platform.url, '/api/service_instances', { method: 'POST', headers: proxyAuth, body: '{}' }),
      403,
      'CrossOriginRequest',
    );
    const fault = JSON.stringify({ kind: 'down' });
    expectRefusal(
      await raw(control, '/api/sample-broker/faults', { method: 'POST', headers: origin, body: fault }),
      403,
      'CrossOriginRequest',
    );
    expect((await raw(control, '/api/sample-broker/faults', {})).body).toEqual([]);
  });

  it('never answer a foreign read of the credentials or the event stream', async () => {
    const foreignReaders: Record<string, string>[] = [
      { Origin: 'http://evil.example' },
      { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'cors' },
      { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'script' },
    ];
    for (const path of ['/api/endpoints', '/api/events', '/api/flows'])
      for (const headers of foreignReaders)
        expectRefusal(await raw(control, path, { headers }), 403, 'CrossOriginRequest');
  });

  it('let the UI’s own same-origin calls through, and a link followed from elsewhere to the UI', async () => {
    const own = { Origin: control, 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors' };
    const endpoints = await raw(control, '/api/endpoints', { headers: own });
    expect(endpoints.status).toBe(200);
    expect(endpoints.body.serviceManager.admin.password).toBeTruthy();
    const created = await raw(control, '/api/sample-broker/faults', {
      method: 'POST',
      headers: { ...own, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'latency', latencyMs: 1, times: 1 }),
    });
    expect(created.status).toBe(201);
    expect(
      (await raw(control, `/api/sample-broker/faults/${created.body.id}`, { method: 'DELETE', headers: own }))
        .status,
    ).toBe(204);
    const link = {
      'Sec-Fetch-Site': 'cross-site',
      'Sec-Fetch-Mode': 'navigate',
      'Sec-Fetch-Dest': 'document',
    };
    expect((await raw(control, '/', { headers: link })).body.error).not.toBe('CrossOriginRequest');
  });
});

describe('path traversal through the proxies', () => {
  const traversals = [
    '../../../service_brokers',
    '%2e%2e/%2e%2e/%2e%2e/service_brokers',
    '.%2E/.%2e/..%2fservice_brokers',
    '..%2f..%2f..%2fservice_brokers',
    '..\\..\\..\\service_brokers',
    './catalog',
  ];

  it('a platform’s broker proxy refuses every spelling of .. with 400, before anything is forwarded', async () => {
    const platform = sim.simulator.endpoints.platforms[0]!;
    const broker = sim.simulator.store.data.sm.brokers[0]!.id;
    const headers = { Authorization: basic(platform.proxyCredentials), 'X-Broker-API-Version': '2.17' };
    for (const rest of traversals) {
      const answer = await raw(platform.url, `/osb/${broker}/v2/${rest}`, { headers });
      expectRefusal(answer, 400, 'BadPath');
      expect(answer.body).not.toHaveProperty('items');
    }
    const patched = await raw(platform.url, `/osb/${broker}/v2/../../../visibilities/x`, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: '{"shared":true}',
    });
    expectRefusal(patched, 400, 'BadPath');
    const forwarded = sim.simulator.traffic.exchanges().filter((exchange) => exchange.hop === 'proxy→sm');
    expect(forwarded.filter((exchange) => !exchange.url.includes(`/v1/osb/${broker}/v2/`))).toEqual([]);
    expect((await raw(platform.url, `/osb/${broker}/v2/catalog`, { headers })).status).toBe(200);
  });

  it('the SM’s OSB route and the control server’s /api/sm refuse it as well', async () => {
    const sm = sim.simulator.endpoints.serviceManager!;
    const platform = sim.simulator.endpoints.platforms[0]!;
    const smPlatform = sim.simulator.store.data.platforms[platform.name]!.sm!.credentials;
    const broker = sim.simulator.store.data.sm.brokers[0]!.id;
    for (const rest of traversals) {
      const osb = await raw(sm.url, `/v1/osb/${broker}/v2/${rest}`, {
        headers: { Authorization: basic(smPlatform), 'X-Broker-API-Version': '2.17' },
      });
      expectRefusal(osb, 400, 'BadPath');
      expectRefusal(await raw(control, `/api/sm/${rest}`, {}), 400, 'BadPath');
    }
  });
});

describe('checks and replays from the control API', () => {
  const remote = { broker_url: 'http://192.0.2.1:8080', username: 'u', password: 'p' };

  it('refuse a URL that is neither loopback nor a registered broker, naming the config key', async () => {
    const check = await raw(control, '/api/fixtures/checks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(remote),
    });
    expectRefusal(check, 403, 'TargetNotAllowed');
    expect(check.body.description).toContain('fixtures.allowRemoteTargets');
    const rebinding = await raw(control, '/api/fixtures/checks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...remote, broker_url: 'http://127.0.0.1.nip.io:8080' }),
    });
    expectRefusal(rebinding, 403, 'TargetNotAllowed');
    const replay = await raw(control, '/api/replays', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...remote, har: { log: { entries: [] } } }),
    });
    expectRefusal(replay, 403, 'TargetNotAllowed');
    expect((await raw(control, '/api/fixtures/checks', {})).body).toEqual([]);
  });

  it('take a loopback URL and a registered broker', async () => {
    const { sampleBroker } = sim.simulator.endpoints;
    const check = await raw(control, '/api/fixtures/checks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        broker_url: sampleBroker!.url,
        ...sampleBroker!.credentials,
        skipDestructive: true,
      }),
    });
    expect(check.status).toBe(202);
    const byId = await raw(control, '/api/fixtures/checks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ broker_id: sim.simulator.store.data.sm.brokers[0]!.id, skipDestructive: true }),
    });
    expect(byId.status).toBe(202);
  });
});
