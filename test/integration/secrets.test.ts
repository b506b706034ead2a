import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../helpers/cli';
import { startFakeBroker, validCatalog } from '../helpers/fake-broker';
import { tempDir } from '../helpers/temp-dir';

const BROKER_PASSWORD = 'broker-pw-7c1e0d';
let dir: Awaited<ReturnType<typeof tempDir>>;
let serve: Awaited<ReturnType<typeof startServe>>;
let fake: Awaited<ReturnType<typeof startFakeBroker>>;
let events = '';
const controller = new AbortController();

const basic = (user: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;

beforeAll(async () => {
  dir = await tempDir();
  fake = await startFakeBroker({ catalog: validCatalog() });
  const config = join(dir.path, 'config.json');
  await writeFile(config, JSON.stringify({ logLevel: 'debug', sampleBroker: { asyncDelayMs: 100 } }));
  serve = await startServe(join(dir.path, 'data'), ['--config', config]);
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
  it('never appear in responses, events or log lines unless asked for', async () => {
    const endpoints = await (await fetch(`${serve.controlUrl}/api/endpoints`)).json();
    const sm = endpoints.serviceManager;
    const admin = basic(sm.admin);
    const smCall = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${sm.url}${path}`, {
        method,
        headers: { Authorization: admin, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return response.text();
    };
    const seen: string[] = [];
    seen.push(
      await smCall('POST', '/v1/service_brokers', {
        name: 'secret-test',
        broker_url: fake.url,
        credentials: { basic: { username: 'u', password: BROKER_PASSWORD } },
      }),
    );
    seen.push(await smCall('GET', '/v1/service_brokers'));

    const platform = `${serve.controlUrl}/api/platforms/cf-dev`;
    const post = (path: string, body: unknown) =>
      fetch(`${platform}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }).then((response) => response.json());
    const instance = await post('/service_instances?wait=true', {
      name: 's',
      service: 'sample-db',
      plan: 'small',
    });
    const binding = await post('/service_bindings', { name: 'b', service_instance_id: instance.id });
    const bindingPassword = binding.credentials.password as string;
    expect(bindingPassword).toBeTruthy();

    seen.push(await smCall('GET', '/v1/service_bindings'));
    seen.push(await smCall('GET', `/v1/service_bindings/${binding.id}`));
    seen.push(await (await fetch(`${serve.controlUrl}/api/traffic.har`)).text());
    const shown = await smCall('GET', `/v1/service_bindings/${binding.id}?show_credentials=true`);
    expect(shown).toContain(bindingPassword);

    await new Promise((resolve) => setTimeout(resolve, 300));
    const everything = [...seen, events, serve.output()].join('\n');
    expect(serve.output()).toContain('"level":30');
    for (const secret of [
      BROKER_PASSWORD,
      bindingPassword,
      sm.admin.password,
      endpoints.sampleBroker.credentials.password,
    ]) {
      expect(everything).not.toContain(secret);
    }
  });
});
