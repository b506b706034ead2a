import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerRefusedError, limitedFetchSend, limitedHttpSend } from '../../main/traffic';

const limits = { maxBrokerAnswerBytes: 64 * 1024, maxJsonDepth: 64 };
const body = JSON.stringify({ services: [{ id: 'ü', plans: [] }] });
const encoded: Record<string, (text: string) => Buffer> = {
  gzip: (text) => gzipSync(text),
  deflate: (text) => deflateSync(text),
  br: (text) => brotliCompressSync(text),
};

/** Answers by path: `/json`, `/gzip` `/deflate` `/br` (the same JSON encoded), `/redirect`, `/empty`, `/endless`, `/silent`, `/echo`. */
let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '';
    const coding = path.slice(1);
    if (path === '/json') res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    else if (encoded[coding]) res.writeHead(200, { 'Content-Encoding': coding }).end(encoded[coding]!(body));
    else if (path === '/redirect') res.writeHead(302, { Location: 'http://127.0.0.1:1/elsewhere' }).end();
    else if (path === '/empty') res.writeHead(204).end();
    else if (path === '/silent') return;
    else if (path === '/endless') {
      res.writeHead(200);
      const more = () => res.write(' '.repeat(4096), () => setImmediate(more));
      more();
    } else if (path === '/echo') {
      let received = '';
      req.on('data', (piece) => {
        received += piece;
      });
      req.on('end', () => res.writeHead(200).end(`${req.method} ${req.headers['x-test']} ${received}`));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const senders = { fetch: limitedFetchSend(limits), http: limitedHttpSend(limits) };

describe('limitedHttpSend answers as limitedFetchSend does', () => {
  it.each(['/json', '/gzip', '/deflate', '/br', '/redirect', '/empty', '/echo'])('%s', async (path) => {
    const init = { method: path === '/echo' ? 'PUT' : 'GET', headers: { 'x-test': 'yes' } };
    const answers = await Promise.all(
      Object.values(senders).map((send) =>
        send(`${base}${path}`, path === '/echo' ? { ...init, body: 'ü body' } : init),
      ),
    );
    const [viaFetch, viaHttp] = answers.map(({ status, text, headers }) => ({
      status,
      text,
      location: headers.location,
    }));
    expect(viaHttp).toEqual(viaFetch);
    if (path !== '/redirect' && path !== '/empty') expect(viaHttp!.text.length).toBeGreaterThan(0);
  });

  it('refuses an endless answer at the size limit', async () => {
    const refusal = await senders.http(`${base}/endless`, { method: 'GET' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AnswerRefusedError);
    expect((refusal as Error).message).toMatch(/limits\.maxBrokerAnswerBytes/);
  });

  it('names the socket error of a refused connection as its cause, and stops when the signal aborts', async () => {
    const refused = await senders
      .http('http://127.0.0.1:1/', { method: 'GET' })
      .catch((error: unknown) => error);
    expect((refused as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
    const refusedTls = await senders
      .http('https://127.0.0.1:1/', { method: 'GET' })
      .catch((error: unknown) => error);
    expect((refusedTls as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
    const signal = AbortSignal.timeout(100);
    await expect(senders.http(`${base}/silent`, { method: 'GET', signal })).rejects.toThrow();
    expect(signal.aborted).toBe(true);
  });
});

describe('limitedHttpSend on a kept-alive connection the server drops', () => {
  /** Answers the first request of each connection (keeping it open) and resets the connection at the next. */
  async function oneRequestPerConnection() {
    const connections: number[] = [];
    const raw = net.createServer((socket) => {
      connections.push(0);
      const at = connections.length - 1;
      socket.on('data', () => {
        connections[at]!++;
        if (connections[at] === 1)
          socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
        else socket.resetAndDestroy();
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    return { raw, connections, url: `http://127.0.0.1:${(raw.address() as AddressInfo).port}/` };
  }

  it('sends the call again on a new connection when the reused one is reset before any answer', async () => {
    const { raw, connections, url } = await oneRequestPerConnection();
    try {
      const send = limitedHttpSend(limits);
      expect((await send(url, { method: 'GET' })).text).toBe('ok');
      const second = await send(url, { method: 'PUT', body: '{}' });
      expect(second).toMatchObject({ status: 200, text: 'ok' });
      // The kept-alive connection saw the second call and dropped it; a new connection answered it.
      expect(connections).toEqual([2, 1]);
    } finally {
      raw.close();
    }
  });
});
