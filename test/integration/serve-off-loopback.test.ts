import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlClient } from '../../main/workflows/scenarios/control-client';
import { type CliRun, runCli, waitForOutput } from '../helpers/cli';
import { durableState } from '../helpers/store-files';
import { tempDir } from '../helpers/temp-dir';

let dir: Awaited<ReturnType<typeof tempDir>>;
let serve: CliRun;
let token: string;
/** Each server by the name the start-up table gives it, addressed on 127.0.0.1. */
let servers: Map<string, string>;

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

beforeAll(async () => {
  dir = await tempDir();
  serve = runCli(['serve', '--host', '0.0.0.0', '--port-base', '0', '--data', dir.path], {
    NODE_ENV: 'production',
  });
  await waitForOutput(serve, 'smsim ready');
  token = serve.output().match(/user smsim, password (\S+)/)?.[1] ?? '';
  servers = new Map(
    [...stripVTControlCharacters(serve.output()).matchAll(/│ (\S[^│]*?) +│ http:\/\/0\.0\.0\.0:(\d+)/g)].map(
      (match) => [match[1]!, `http://127.0.0.1:${match[2]}`],
    ),
  );
});
afterAll(async () => {
  serve?.child.kill('SIGTERM');
  await serve?.exited;
  await dir?.remove();
});

async function call(url: string, authorization?: string, init: RequestInit = {}) {
  const response = await fetch(url, {
    ...init,
    headers: {
      ...(authorization ? { Authorization: authorization } : {}),
      'X-Broker-API-Version': '2.17',
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
    },
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // kept as text (the UI, the event stream)
  }
  return { status: response.status, headers: response.headers, body };
}

describe('smsim serve --host 0.0.0.0', () => {
  it('warns that it is reachable on each interface, and prints the control token once', async () => {
    const output = serve.output();
    expect(output).toContain('WARNING: smsim listens on 0.0.0.0');
    const ipv4 = Object.entries(networkInterfaces()).filter(([, entries]) =>
      entries?.some((entry) => entry.family === 'IPv4'),
    );
    expect(ipv4.length).toBeGreaterThan(0);
    for (const [name, entries] of ipv4)
      for (const entry of entries!.filter((candidate) => candidate.family === 'IPv4'))
        expect(output).toContain(`${name} ${entry.address}`);
    expect(token.length).toBeGreaterThanOrEqual(20);
    expect(output.split(token)).toHaveLength(2);
    const data = (await durableState(join(dir.path, 'smsim-data.json'))) as {
      secrets: { controlToken: string };
    };
    expect(data.secrets.controlToken).toBe(token);
  });

  it('answers 401 on every route of every server without credentials, on 127.0.0.1 too', async () => {
    expect([...servers.keys()]).toEqual([
      'control (UI + /api)',
      'service manager',
      'platform cf-dev (cloudfoundry)',
      'platform k8s-dev (kubernetes)',
      'sample broker',
    ]);
    const routes: Record<string, string[]> = {
      'control (UI + /api)': ['/', '/traffic', '/api/endpoints', '/api/events', '/api/sm/service_brokers'],
      'service manager': ['/v1/info', '/v1/nothing-here'],
      'platform cf-dev (cloudfoundry)': [
        '/api/service_instances',
        '/api/service_bindings',
        '/osb/x/v2/catalog',
      ],
      'platform k8s-dev (kubernetes)': ['/api/marketplace'],
      'sample broker': ['/v2/catalog', '/dashboard/some-instance'],
    };
    for (const [name, paths] of Object.entries(routes))
      for (const path of paths) {
        const answer = await call(`${servers.get(name)}${path}`);
        expect(answer.status, `${name} ${path}`).toBe(401);
        expect(answer.headers.get('www-authenticate')).toMatch(/^Basic /);
        expect((answer.body as { error: string }).error).toBe('Unauthorized');
        const wrong = await call(`${servers.get(name)}${path}`, basic('smsim', 'wrong'));
        expect(wrong.status, `${name} ${path} with a wrong token`).toBe(401);
      }
  });

  it('serves every server with the control token, and each with its own credentials', async () => {
    const withToken = basic('smsim', token);
    const control = servers.get('control (UI + /api)')!;
    const endpoints = await call(`${control}/api/endpoints`, withToken);
    expect(endpoints.status).toBe(200);
    // biome-ignore lint/suspicious/noExplicitAny: read field by field
    const e = endpoints.body as any;
    expect(e.control.credentials).toEqual({ username: 'smsim', password: token });
    expect((await call(`${control}/`, withToken)).status).toBe(200);
    expect((await call(`${servers.get('service manager')}/v1/info`, withToken)).status).toBe(200);
    const admin = basic(e.serviceManager.admin.username, e.serviceManager.admin.password);
    expect((await call(`${servers.get('service manager')}/v1/service_brokers`, admin)).status).toBe(200);
    for (const platform of e.platforms) {
      const url = `http://127.0.0.1:${new URL(platform.url).port}/api/service_instances`;
      expect((await call(url, withToken)).status).toBe(200);
      const own = basic(platform.proxyCredentials.username, platform.proxyCredentials.password);
      expect((await call(url, own)).status).toBe(200);
    }
    const broker = e.sampleBroker.credentials;
    const catalog = await call(
      `${servers.get('sample broker')}/v2/catalog`,
      basic(broker.username, broker.password),
    );
    expect(catalog.status).toBe(200);
  });

  it('works end to end with the token: a provision through the control API crosses every hop', async () => {
    const control = servers.get('control (UI + /api)')!;
    const created = await call(
      `${control}/api/platforms/cf-dev/service_instances?wait=true`,
      basic('smsim', token),
      {
        method: 'POST',
        body: JSON.stringify({ name: 'off-loopback', service: 'sample-db', plan: 'small' }),
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    expect((created.body as { state: string }).state).toBe('succeeded');
  });

  it('runs scenarios with the token: one started from the control API, and a client given it as user info', async () => {
    const control = servers.get('control (UI + /api)')!;
    const withInfo = control.replace('http://', `http://smsim:${token}@`);
    expect((await controlClient(withInfo)('GET', '/health')).status).toBe(200);
    expect((await controlClient(control)('GET', '/health')).status).toBe(401);
    const scenario = {
      name: 'off loopback',
      steps: [
        {
          platform: 'cf-dev',
          action: 'provision',
          as: 'db',
          name: 'scenario-db',
          offering: 'sample-db',
          plan: 'small',
        },
        { action: 'deprovision', instance: 'db' },
      ],
    };
    const started = await controlClient(withInfo)('POST', '/scenarios/run', { scenario });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const { id } = started.body as { id: string };
    await expect
      .poll(
        async () =>
          ((await controlClient(withInfo)('GET', `/scenario-runs/${id}`)).body as { status: string }).status,
        {
          timeout: 20_000,
        },
      )
      .toBe('passed');
  });
});
