import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';

/** How the broker answers provisions and binds (PUT); the catalog and every DELETE are always answered well. */
export type Misbehaviour =
  | 'well'
  | 'reset'
  | 'silent'
  | 'trickle'
  | 'error500'
  | 'html'
  | 'invalid'
  | 'huge'
  | 'deep'
  | 'gzipBomb'
  | 'redirect'
  | 'notModified'
  | 'endless'
  | 'negativeRetryAfter';

/** JSON text nested `depth` levels under `key`: `{"key":{"key":...{}}}`. */
export const deepJson = (key: string, depth: number) => `${`{"${key}":`.repeat(depth)}{}${'}'.repeat(depth)}`;

/** Gzip of `megabytes` MiB of spaces, made piece by piece (a few dozen KiB that inflate past any limit). */
async function gzipBomb(megabytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const pieces: Buffer[] = [];
  gzip.on('data', (piece: Buffer) => pieces.push(piece));
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  gzip.write('{"dashboard_url":"');
  for (let written = 0; written < megabytes; written++) if (!gzip.write(spaces)) await once(gzip, 'drain');
  gzip.end('"}');
  await once(gzip, 'end');
  return Buffer.concat(pieces);
}

/** Made once per test file: every broker sends the same bomb. */
let bombOnce: Promise<Buffer> | undefined;

export interface SeenRequest {
  method: string;
  path: string;
  at: number;
}

/**
 * A broker that misbehaves on request, as node:http lets one: it drops connections, never answers, trickles
 * one byte at a time, redirects, answers HTML, broken, huge, deep or compressed-bomb JSON, or keeps an
 * operation in progress forever. Its catalog has one service `service` with one plan `plan` (ids unique to it).
 */
export async function startMisbehavingBroker(
  name: string,
  options: { catalog?: 'well' | 'deep' | 'gzipBomb' | 'redirect' } = {},
) {
  bombOnce ??= gzipBomb(64);
  const bomb = await bombOnce;
  const state = {
    mode: 'well' as Misbehaviour,
    seen: [] as SeenRequest[],
    /** Emits `put` when a provision or bind arrives. */
    events: new EventEmitter(),
  };
  const ids = { service: `${name}-service-id`, plan: `${name}-plan-id` };
  const service = { name: `${name}-service`, plan: `${name}-plan` };
  const metadata = options.catalog === 'deep' ? deepJson('m', 5000) : '{}';
  const catalog = JSON.stringify({
    services: [
      {
        id: ids.service,
        name: service.name,
        description: `The misbehaving ${name}`,
        bindable: true,
        metadata: 'METADATA',
        plans: [{ id: ids.plan, name: service.plan, description: 'Its only plan' }],
      },
    ],
  }).replace('"METADATA"', metadata);
  const open = new Set<http.ServerResponse>();

  const json = (
    res: http.ServerResponse,
    status: number,
    body: string,
    headers: http.OutgoingHttpHeaders = {},
  ) => res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(body);

  function misbehave(req: http.IncomingMessage, res: http.ServerResponse, binding: boolean) {
    const created = binding ? '{"credentials":{"user":"u"}}' : '{"dashboard_url":"http://127.0.0.1:1/dash"}';
    switch (state.mode) {
      case 'well':
        return json(res, 201, created);
      case 'reset':
        res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': '4096' });
        res.write('{"dashboard_url":"http://12');
        setTimeout(() => req.socket.destroy(), 20);
        return;
      case 'silent':
        return;
      case 'trickle': {
        res.writeHead(201, { 'Content-Type': 'application/json' });
        const bytes = Buffer.from(`${' '.repeat(200)}${created}`);
        let at = 0;
        const timer = setInterval(() => {
          if (at < bytes.length) res.write(bytes.subarray(at, ++at));
          else res.end();
        }, 50);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case 'error500':
        return json(res, 500, '{"description":"the broker broke"}');
      case 'html':
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Please log in</body></html>');
        return;
      case 'invalid':
        return json(res, 201, '{"dashboard_url": "http://');
      case 'huge':
        return json(res, 201, `{"dashboard_url":"${'x'.repeat(2 * 1024 * 1024)}"}`);
      case 'deep':
        return json(
          res,
          201,
          binding ? `{"credentials":${deepJson('c', 4300)}}` : deepJson('metadata', 4300),
        );
      case 'gzipBomb':
        res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(bomb);
        return;
      case 'redirect':
        res.writeHead(302, { Location: 'http://user:secret@127.0.0.1:1/elsewhere' }).end();
        return;
      case 'notModified':
        res.writeHead(304).end();
        return;
      case 'endless':
        return json(res, 202, '{"operation":"forever"}');
      case 'negativeRetryAfter':
        return json(res, 202, '{"operation":"soon"}', { 'Retry-After': '-5' });
    }
  }

  /** `negativeRetryAfter` operations end 2.5 s after their PUT; `endless` ones never. */
  const started = new Map<string, number>();
  function lastOperation(res: http.ServerResponse, resource: string) {
    const since = Date.now() - (started.get(resource) ?? 0);
    const done = state.mode === 'negativeRetryAfter' ? since > 2500 : state.mode !== 'endless';
    json(res, 200, JSON.stringify({ state: done ? 'succeeded' : 'in progress' }), { 'Retry-After': '-5' });
  }

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const method = req.method ?? 'GET';
    state.seen.push({ method, path, at: Date.now() });
    open.add(res);
    res.on('close', () => open.delete(res));
    req.resume();
    req.on('end', () => {
      if (path === '/v2/catalog' && options.catalog === 'gzipBomb') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(bomb);
        return;
      }
      if (path === '/v2/catalog' && options.catalog === 'redirect') {
        res.writeHead(307, { Location: '/v3/catalog' }).end();
        return;
      }
      if (path === '/v2/catalog') return json(res, 200, catalog);
      if (method === 'DELETE') return json(res, 200, '{}');
      if (method === 'GET' && path.endsWith('/last_operation'))
        return lastOperation(res, path.replace(/\/last_operation$/, ''));
      if (method === 'PUT') {
        started.set(path, Date.now());
        state.events.emit('put', path);
        return misbehave(req, res, path.includes('/service_bindings/'));
      }
      json(res, 404, '{"description":"not here"}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state,
    ids,
    service,
    /** Resolves when the next provision or bind reaches the broker. */
    nextPut: () => once(state.events, 'put').then(([path]) => path as string),
    polls: (resource: string) =>
      state.seen.filter((seen) => seen.method === 'GET' && seen.path === `${resource}/last_operation`),
    close: async () => {
      for (const res of open) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type MisbehavingBroker = Awaited<ReturnType<typeof startMisbehavingBroker>>;
