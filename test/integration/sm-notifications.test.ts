import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { emptySmState, type NotificationRecord } from '../../main/core/sm/model';
import { Notifier } from '../../main/core/sm/notifications';
import {
  type BasicCredentials,
  basicAuthHeader,
  matches,
  parseBasicAuth,
} from '../../main/servers/http/basic-auth';
import { attachNotifications } from '../../main/servers/sm/notifications-ws';

const platforms: Record<string, BasicCredentials> = {
  p1: { username: 'cf-user', password: 'cf-secret' },
  p2: { username: 'k8s-user', password: 'k8s-secret' },
};

type Outcome =
  | { ok: true; socket: WebSocket; headers: IncomingHttpHeaders; received: NotificationRecord[] }
  | { ok: false; status: number; body: { error?: string; description?: string } };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** How long expect.poll waits for a notification or a disconnect. */
const SOON = { timeout: 2000, interval: 10 };

const MAX_FRAME_BYTES = 64 * 1024;

async function start(options: { keep?: number; maxPingPeriodMs?: number } = {}) {
  const server = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const state = emptySmState();
  const notifier = new Notifier({ keep: options.keep });
  const events: string[] = [];
  const endpoint = attachNotifications(server, {
    path: '/v1/notifications',
    notifier,
    state: () => state,
    maxFrameBytes: MAX_FRAME_BYTES,
    maxPingPeriodMs: options.maxPingPeriodMs,
    authenticate: (req) => {
      const given = parseBasicAuth(req.headers);
      const platformId = Object.keys(platforms).find((id) => matches(given, platforms[id]!));
      return platformId ? { platformId } : undefined;
    },
    onConnect: (platformId) => events.push(`connect ${platformId}`),
    onDisconnect: (platformId) => events.push(`disconnect ${platformId}`),
  });
  cleanups.push(async () => {
    endpoint.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Does what a registry does: append inside the mutation, publish after the commit. */
  const change = (platform_id: string | null = null) => {
    const record = notifier.append(state, {
      resource: '/v1/visibilities',
      type: 'CREATED',
      platform_id,
      payload: {},
    });
    notifier.publish([record]);
    return record;
  };

  const connect = (credentials?: BasicCredentials, query = '', path = '/v1/notifications') =>
    new Promise<Outcome>((resolve, reject) => {
      const socket = new WebSocket(`${url}${path}${query}`, {
        headers: credentials ? { authorization: basicAuthHeader(credentials) } : {},
      });
      const received: NotificationRecord[] = [];
      let headers: IncomingHttpHeaders = {};
      socket.on('message', (data) => received.push(JSON.parse(String(data))));
      socket.on('upgrade', (response) => {
        headers = response.headers;
      });
      socket.on('open', () => {
        cleanups.push(() => socket.terminate());
        resolve({ ok: true, socket, headers, received });
      });
      socket.on('unexpected-response', (request, response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () => {
          request.destroy();
          resolve({ ok: false, status: response.statusCode ?? 0, body: JSON.parse(body) });
        });
      });
      socket.on('error', reject);
    });

  const opened = async (platform: string, query = '') => {
    const outcome = await connect(platforms[platform], query);
    if (!outcome.ok) throw new Error(`expected an open connection, got ${outcome.status}`);
    return outcome;
  };

  const closed = (socket: WebSocket) => new Promise<void>((resolve) => socket.once('close', () => resolve()));

  return { endpoint, events, change, connect, opened, closed };
}

const revisions = (records: NotificationRecord[]) => records.map((record) => record.revision);

describe('/v1/notifications', () => {
  it('refuses a missing or wrong authentication with 401', async () => {
    const sm = await start();
    const missing = await sm.connect();
    const wrong = await sm.connect({ username: 'cf-user', password: 'nope' });
    for (const outcome of [missing, wrong]) {
      expect(outcome).toMatchObject({ ok: false, status: 401, body: { error: 'Unauthorized' } });
    }
    expect(sm.endpoint.clients()).toBe(0);
  });

  it('answers a fresh connection with the current revision and the ping period, replaying nothing', async () => {
    const sm = await start();
    sm.change();
    sm.change('p1');
    const { headers, received } = await sm.opened('p1');
    expect(headers.last_notification_revision).toBe('2');
    expect(headers.max_ping_period).toBe('60000');
    expect(sm.endpoint.clients()).toBe(1);
    expect(sm.events).toEqual(['connect p1']);
    sm.change();
    await expect.poll(() => received.length, SOON).toBe(1);
    expect(revisions(received)).toEqual([3]);
  });

  it('sends live notifications meant for every platform or for this one only', async () => {
    const sm = await start();
    const p1 = await sm.opened('p1');
    const p2 = await sm.opened('p2');
    const everyone = sm.change();
    const forP2 = sm.change('p2');
    const forP1 = sm.change('p1');
    const last = sm.change();
    await expect.poll(() => [p1.received.length, p2.received.length], SOON).toEqual([3, 3]);
    expect(p1.received).toEqual([everyone, forP1, last]);
    expect(p2.received).toEqual([everyone, forP2, last]);
  });

  it('replays exactly what a reconnecting client missed, then goes on live', async () => {
    const sm = await start();
    sm.change();
    const first = await sm.opened('p1');
    const known = Number(first.headers.last_notification_revision);
    first.socket.close();
    await expect.poll(() => sm.endpoint.clients(), SOON).toBe(0);
    expect(sm.events).toEqual(['connect p1', 'disconnect p1']);

    const missed = [sm.change(), sm.change('p1')];
    sm.change('p2');
    missed.push(sm.change());
    const again = await sm.opened('p1', `?last_notification_revision=${known}`);
    expect(again.headers.last_notification_revision).toBe('5');
    await expect.poll(() => again.received.length, SOON).toBe(3);
    expect(again.received).toEqual(missed);

    sm.change();
    await expect.poll(() => again.received.length, SOON).toBe(4);
    expect(revisions(again.received)).toEqual([2, 3, 5, 6]);
  });

  it('answers 410 when the missed notifications are no longer kept or the revision is unknown', async () => {
    const sm = await start({ keep: 3 });
    for (let count = 0; count < 5; count++) sm.change();
    for (const revision of [0, 1, 6]) {
      const outcome = await sm.connect(platforms.p1, `?last_notification_revision=${revision}`);
      expect(outcome).toMatchObject({ ok: false, status: 410, body: { error: 'Gone' } });
    }
    const caughtUp = await sm.opened('p1', '?last_notification_revision=2');
    await expect.poll(() => caughtUp.received.length, SOON).toBe(3);
    expect(revisions(caughtUp.received)).toEqual([3, 4, 5]);
  });

  it('answers 400 to a revision that is not a non-negative integer', async () => {
    const sm = await start();
    for (const revision of ['abc', '-1', '1.5', '']) {
      const outcome = await sm.connect(platforms.p1, `?last_notification_revision=${revision}`);
      expect(outcome).toMatchObject({ ok: false, status: 400, body: { error: 'BadRequest' } });
    }
  });

  it('disconnects a client that does not ping within max_ping_period, and keeps one that does', async () => {
    const sm = await start({ maxPingPeriodMs: 300 });
    const silent = await sm.opened('p1');
    const pinging = await sm.opened('p2');
    expect(silent.headers.max_ping_period).toBe('300');
    const pinger = setInterval(() => pinging.socket.ping(), 100);
    cleanups.push(() => clearInterval(pinger));
    const started = Date.now();
    await sm.closed(silent.socket);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    // Waits out more than one max_ping_period: nothing signals that a connection was kept.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(pinging.socket.readyState).toBe(WebSocket.OPEN);
    expect(sm.endpoint.clients()).toBe(1);
  });

  it('closes a connection whose client sends a frame over maxFrameBytes (1009), and serves the next one', async () => {
    const sm = await start();
    const { socket } = await sm.opened('p1');
    const code = new Promise<number>((resolve) => socket.once('close', (closeCode) => resolve(closeCode)));
    socket.send(Buffer.alloc(MAX_FRAME_BYTES + 1));
    expect(await code).toBe(1009);
    await vi.waitFor(() => expect(sm.endpoint.clients()).toBe(0));
    expect((await sm.connect(platforms.p1)).ok).toBe(true);
  });

  it('terminates every client on close()', async () => {
    const sm = await start();
    const client = await sm.opened('p1');
    const closing = sm.closed(client.socket);
    sm.endpoint.close();
    await closing;
    await expect.poll(() => sm.endpoint.clients(), SOON).toBe(0);
  });

  it('drops upgrades to other paths when nothing else handles them', async () => {
    const sm = await start();
    await expect(sm.connect(platforms.p1, '', '/v1/other')).rejects.toThrow(/socket hang up/);
  });
});
