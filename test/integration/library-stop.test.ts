import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/simulator';
import { validCatalog } from '../helpers/fake-broker';
import { tempDir } from '../helpers/temp-dir';

const ANSWER_MS = 150;

/** A broker that answers every request after ANSWER_MS; provisions stay "in progress" for good. */
async function startSlowBroker() {
  const sockets = new Set<Socket>();
  /** The checker says who asks (X-Broker-API-Originating-Identity); this replay's recording does not. */
  const state = { requests: 0, fromCheck: 0, sockets };
  const catalog = validCatalog(['a']);
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    state.requests++;
    if (req.headers['x-broker-api-originating-identity']) state.fromCheck++;
    req.resume();
    setTimeout(() => {
      if (res.destroyed) return;
      const path = req.url ?? '';
      const [status, body] = path.startsWith('/v2/catalog')
        ? [200, catalog]
        : path.includes('last_operation')
          ? [200, { state: 'in progress' }]
          : req.method === 'PUT'
            ? [202, { operation: 'op' }]
            : [200, {}];
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    }, ANSWER_MS);
  };
  const server = createServer(answer);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url, state, close };
}

/** A HAR entry of a call to the broker, as a recording holds it. */
const entry = (method: string, url: string, status: number, body: unknown) => ({
  startedDateTime: new Date().toISOString(),
  time: 1,
  request: {
    method,
    url,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: [],
    queryString: [],
    headersSize: -1,
    bodySize: 0,
  },
  response: {
    status,
    statusText: '',
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: [{ name: 'content-type', value: 'application/json' }],
    content: { size: 0, mimeType: 'application/json', text: JSON.stringify(body) },
    redirectURL: '',
    headersSize: -1,
    bodySize: 0,
  },
  cache: {},
  timings: { send: 0, wait: 1, receive: 0 },
  _hop: 'sm→broker',
});

const handles = () =>
  process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap' || name === 'Timeout');
const count = (names: string[], name: string) => names.filter((candidate) => candidate === name).length;
/** The kinds of handle `after` holds more of than `before`. */
const moreThan = (before: string[], after: string[]) =>
  ['TCPSocketWrap', 'Timeout'].filter((name) => count(after, name) > count(before, name));

let closeBroker = async () => {};
afterAll(() => closeBroker());

describe('stop() of the library', () => {
  it('cancels a running conformance check, replay and scenario run, and leaves no socket or timer', async () => {
    const broker = await startSlowBroker();
    closeBroker = broker.close;
    const dir = await tempDir();
    const before = handles();
    const simulator = await startSimulator({ portBase: 0, dataDir: dir.path, logLevel: 'silent' });
    const api = `${simulator.endpoints.control.url}/api`;
    const post = (path: string, body: unknown) =>
      fetch(`${api}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const check = await post('/fixtures/checks', { broker_url: broker.url, username: 'u', password: 'p' });
    expect(check.status).toBe(202);
    const instance = `${broker.url}/v2/service_instances/i-1`;
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [
          entry('PUT', `${instance}?accepts_incomplete=true`, 202, { operation: 'op' }),
          entry('GET', `${instance}/last_operation?operation=op`, 200, { state: 'succeeded' }),
        ],
      },
    };
    const replay = await post('/replays', { har, broker_url: broker.url, username: 'u', password: 'p' });
    expect(replay.status).toBe(201);
    const scenario = await post('/scenarios/run', {
      scenario: { name: 'long wait', steps: [{ action: 'wait', ms: 600_000 }] },
    });
    expect(scenario.status).toBe(201);
    await expect.poll(() => broker.state.fromCheck, { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
    await expect
      .poll(() => broker.state.requests - broker.state.fromCheck, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(3);

    await simulator.stop();
    const sent = broker.state.requests;
    // Waits out several broker answers: a run still going after stop() would have sent another request.
    await sleep(ANSWER_MS * 6);
    expect(broker.state.requests).toBe(sent);
    // Well before an idle keep-alive socket would time out (4 s): stop() closed them.
    await expect.poll(() => broker.state.sockets.size, { timeout: 2000 }).toBe(0);
    // No more sockets or timers than before the simulator started (the test runner's own may come and go).
    await expect.poll(() => moreThan(before, handles()), { timeout: 5000 }).toEqual([]);
    await dir.remove();
  });
});
