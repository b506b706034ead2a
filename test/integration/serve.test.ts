import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, startServe } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.remove());

async function endpointsOf(controlUrl: string) {
  const response = await fetch(`${controlUrl}/api/endpoints`);
  expect(response.status).toBe(200);
  return response.json();
}

describe('smsim serve', () => {
  it('prints the endpoints, serves them, and stops on SIGTERM within 2 s closing every port', async () => {
    const serve = await startServe(dir.path);
    const endpoints = await endpointsOf(serve.controlUrl);
    expect(endpoints.control.url).toBe(serve.controlUrl);
    expect(endpoints.sampleBroker.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(endpoints.sampleBroker.credentials.username).toBeTruthy();
    expect(serve.output()).toContain(endpoints.sampleBroker.url);
    expect(serve.output()).not.toContain(endpoints.sampleBroker.credentials.password);

    const catalog = await fetch(`${endpoints.sampleBroker.url}/v2/catalog`, {
      headers: {
        Authorization: `Basic ${btoa(`${endpoints.sampleBroker.credentials.username}:${endpoints.sampleBroker.credentials.password}`)}`,
        'X-Broker-API-Version': '2.17',
      },
    });
    expect(catalog.status).toBe(200);

    const events = await fetch(`${serve.controlUrl}/api/events`);
    expect(events.headers.get('content-type')).toContain('text/event-stream');

    const started = Date.now();
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(fetch(`${serve.controlUrl}/api/health`)).rejects.toThrow();
    await expect(fetch(`${endpoints.sampleBroker.url}/v2/catalog`)).rejects.toThrow();
  });

  it('keeps the generated admin password across restarts, and takes --admin-password', async () => {
    const first = await startServe(dir.path);
    const password = (await endpointsOf(first.controlUrl)).sampleBroker.credentials.password;
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);

    const second = await startServe(dir.path, ['--admin-password', 'chosen-one']);
    const endpoints = await endpointsOf(second.controlUrl);
    expect(endpoints.sampleBroker.credentials.password).toBe(password);
    second.child.kill('SIGTERM');
    await second.exited;
    const { readFile } = await import('node:fs/promises');
    const stored = JSON.parse(await readFile(join(dir.path, 'smsim-data.json'), 'utf8'));
    expect(stored.secrets.adminPassword).toBe('chosen-one');
  });

  it('refuses a corrupt data file with a message naming it, exit code 2', async () => {
    const file = join(dir.path, 'smsim-data.json');
    await writeFile(file, '{"schemaVersion": 1, "sec');
    const run = runCli(['serve', '--port-base', '0', '--data', dir.path]);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain(file);
    expect(run.output()).toMatch(/left untouched/);
  });

  it('refuses a config file with an unknown key, exit code 2', async () => {
    const config = join(dir.path, 'config.json');
    await writeFile(config, JSON.stringify({ sampleBroker: { asyncDelay: 5 } }));
    const run = runCli(['serve', '--port-base', '0', '--data', dir.path, '--config', config]);
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/asyncDelay/);
  });

  it('refuses a bad --port-base with a clear message', async () => {
    const run = runCli(['serve', '--port-base', 'abc', '--data', dir.path]);
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toMatch(/port is a whole number/);
  });
});
