import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../helpers/cli';
import { startFakeBroker, validCatalog } from '../helpers/fake-broker';
import { freePort } from '../helpers/free-port';
import { tempDir } from '../helpers/temp-dir';

const BROKER_PASSWORD = 'broker-pw-7c1e0d';
/** In the URL of a broker stored before URLs with user info were refused. */
const URL_PASSWORD = 'url-pw-5d2b9e';
const LEGACY_PASSWORD = 'legacy-pw-0a4f7c';
const PARAMETER_PASSWORD = 'param-pw-93ce11';
const DB_PASSWORD = 'db-pw-41aa08';
const FAULT_TEXT = 'the broker failed on purpose';

let dir: Awaited<ReturnType<typeof tempDir>>;
let serve: Awaited<ReturnType<typeof startServe>>;
let fake: Awaited<ReturnType<typeof startFakeBroker>>;
let closedPort: number;
let events = '';
const controller = new AbortController();

const basic = (user: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;

/** A broker as an older smsim stored it: its URL carries user info. */
async function storeLegacyBroker(dataDir: string) {
  const file = join(dataDir, 'smsim-data.json');
  const data = JSON.parse(await readFile(file, 'utf8'));
  const now = new Date().toISOString();
  data.sm.brokers.push({
    id: 'legacy-broker',
    created_at: now,
    updated_at: now,
    labels: {},
    ready: true,
    name: 'legacy',
    description: '',
    broker_url: `http://legacy:${URL_PASSWORD}@127.0.0.1:${closedPort}`,
    credentials: { basic: { username: 'legacy', password: LEGACY_PASSWORD } },
  });
  await writeFile(file, JSON.stringify(data));
}

beforeAll(async () => {
  dir = await tempDir();
  fake = await startFakeBroker({ catalog: validCatalog() });
  closedPort = await freePort();
  const config = join(dir.path, 'config.json');
  await writeFile(config, JSON.stringify({ logLevel: 'debug', sampleBroker: { asyncDelayMs: 100 } }));
  const data = join(dir.path, 'data');
  const first = await startServe(data, ['--config', config]);
  first.child.kill('SIGTERM');
  await first.exited;
  await storeLegacyBroker(data);
  serve = await startServe(data, ['--config', config]);
  const stream = await fetch(`${serve.controlUrl}/api/events`, { signal: controller.signal });
  const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      events += value;
    }
  })();
});
afterAll(async () => {
  controller.abort();
  serve.child.kill('SIGTERM');
  await serve.exited;
  await fake.close();
  await dir.remove();
});

describe('secrets', () => {
  it('a broker_url with user info is refused: the credentials go in credentials.basic', async () => {
    const { serviceManager: sm } = await (await fetch(`${serve.controlUrl}/api/endpoints`)).json();
    const call = (method: string, path: string, body: unknown) =>
      fetch(`${sm.url}${path}`, {
        method,
        headers: { Authorization: basic(sm.admin), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const broker_url = `http://user:${URL_PASSWORD}@127.0.0.1:${closedPort}`;
    const credentials = { basic: { username: 'u', password: 'p' } };
    for (const answer of [
      await call('POST', '/v1/service_brokers', { name: 'with-user-info', broker_url, credentials }),
      await call('PATCH', '/v1/service_brokers/legacy-broker', { broker_url }),
    ]) {
      expect(answer.status).toBe(400);
      const body = await answer.json();
      expect(body.description).toContain('credentials.basic');
      expect(JSON.stringify(body)).not.toContain(URL_PASSWORD);
    }
  });

  it('never appear in logs, flows, events, HAR, recordings, refresh history or error bodies', async () => {
    const endpoints = await (await fetch(`${serve.controlUrl}/api/endpoints`)).json();
    const sm = endpoints.serviceManager;
    const admin = basic(sm.admin);
    const surfaces: Record<string, string> = {};
    const seen = (surface: string, text: string) => {
      surfaces[surface] = `${surfaces[surface] ?? ''}\n${text}`;
    };
    const smCall = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${sm.url}${path}`, {
        method,
        headers: { Authorization: admin, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    };
    const control = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${serve.controlUrl}/api${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status >= 400) seen('error bodies', text);
      return { status: response.status, text, json: () => JSON.parse(text) };
    };

    const registered = await smCall('POST', '/v1/service_brokers', {
      name: 'secret-test',
      broker_url: fake.url,
      credentials: { basic: { username: 'u', password: BROKER_PASSWORD } },
    });
    expect(registered.status).toBe(201);
    seen('SM API', registered.text);
    seen('SM API', (await smCall('GET', '/v1/service_brokers')).text);
    const platform = await smCall('POST', '/v1/platforms', { name: 'secret-platform', type: 'cloudfoundry' });
    expect(platform.status).toBe(201);
    const platformPassword = JSON.parse(platform.text).credentials.basic.password as string;

    const recording = (await control('POST', '/recordings', { broker: 'sample' })).json();
    const provision = (parameters: unknown) =>
      control('POST', '/platforms/cf-dev/service_instances?wait=true', {
        name: `s-${Math.random().toString(36).slice(2, 8)}`,
        service: 'sample-db',
        plan: 'small',
        parameters,
      });
    const instance = await provision({ password: PARAMETER_PASSWORD, db_password: DB_PASSWORD, size: 1 });
    expect(instance.status).toBe(201);
    const binding = await control('POST', '/platforms/cf-dev/service_bindings', {
      name: 'b',
      service_instance_id: instance.json().id,
    });
    const bindingPassword = binding.json().credentials.password as string;
    expect(bindingPassword).toBeTruthy();
    seen('SM API', (await smCall('GET', '/v1/service_bindings')).text);
    seen('SM API', (await smCall('GET', `/v1/service_bindings/${binding.json().id}`)).text);
    const shown = await smCall('GET', `/v1/service_bindings/${binding.json().id}?show_credentials=true`);
    expect(shown.text).toContain(bindingPassword);

    // A failing broker call: the sample broker answers the provision with a 500 once.
    const fault = {
      kind: 'status',
      status: 500,
      operations: ['provision'],
      times: 1,
      description: FAULT_TEXT,
    };
    expect((await control('POST', '/sample-broker/faults', fault)).status).toBeLessThan(300);
    const failed = await provision({ password: PARAMETER_PASSWORD, db_password: DB_PASSWORD });
    expect(failed.status).toBeGreaterThanOrEqual(400);

    // A catalog refresh of the broker whose stored URL carries a password: it fails, and says where.
    const refresh = await control('POST', '/catalog-refreshes', { broker_id: 'legacy-broker' });
    expect(refresh.status).toBe(502);
    expect(refresh.text).toContain(`127.0.0.1:${closedPort}`);
    await control('POST', '/catalog-refreshes', {});
    seen('refresh history', (await control('GET', '/catalog-refreshes')).text);
    expect(surfaces['refresh history']).toContain(`127.0.0.1:${closedPort}`);

    await control('POST', `/recordings/${recording.id}/stop`);
    const har = await control('GET', `/recordings/${recording.id}/har`);
    expect(har.json().log.entries.length).toBeGreaterThan(2);
    seen('recording file', har.text);
    const flows = await control('GET', '/flows?limit=1000');
    seen('flows', flows.text);
    for (const flow of flows.json().items as Array<{ id: string }>)
      seen('flow details', (await control('GET', `/flows/${encodeURIComponent(flow.id)}`)).text);
    expect(surfaces['flow details']).toContain(FAULT_TEXT);
    seen('HAR export', (await control('GET', '/traffic.har')).text);
    seen('sample broker requests', (await control('GET', '/sample-broker/requests')).text);

    await expect.poll(() => events.includes('"broker_id":"legacy-broker"'), { timeout: 5000 }).toBe(true);
    await expect.poll(() => events.includes(FAULT_TEXT), { timeout: 5000 }).toBe(true);
    seen('SSE events', events);
    seen('logs', serve.output());
    expect(serve.output()).toContain('"level":20');
    expect(serve.output()).toContain('"level":50');

    const secrets = {
      BROKER_PASSWORD,
      URL_PASSWORD,
      LEGACY_PASSWORD,
      PARAMETER_PASSWORD,
      DB_PASSWORD,
      bindingPassword,
      platformPassword,
      admin: sm.admin.password,
      sampleBroker: endpoints.sampleBroker.credentials.password,
      proxy:
        endpoints.platforms[0].proxyCredentials?.password ?? endpoints.platforms[0].credentials?.password,
    };
    expect(Object.values(secrets).every((secret) => typeof secret === 'string' && secret.length > 5)).toBe(
      true,
    );
    const hits = Object.entries(surfaces).flatMap(([surface, text]) =>
      Object.entries(secrets)
        .filter(([, secret]) => text.includes(secret))
        .map(([name]) => `${name} in ${surface}`),
    );
    expect(hits).toEqual([]);
  });
});
