import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../main/servers/http/listen';
import { proxyRouter } from '../../main/servers/platform/proxy';
import { limitedFetchSend } from '../../main/traffic';
import { deepJson } from '../helpers/misbehaving-broker';

/** A stand-in Service Manager whose OSB answers are past the proxy's limits: too big, or too deep. */
let sm: http.Server;
let proxy: RunningServer;
const credentials = { username: 'proxy-test', password: 'pw' };

beforeAll(async () => {
  sm = http.createServer((req, res) => {
    const body = req.url?.includes('deep') ? deepJson('d', 100) : JSON.stringify({ x: 'y'.repeat(300_000) });
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
  });
  sm.listen(0, '127.0.0.1');
  await once(sm, 'listening');
  const app = express();
  app.use(
    '/osb',
    proxyRouter({
      platformName: 'test',
      credentials: () => credentials,
      smUrl: `http://127.0.0.1:${(sm.address() as AddressInfo).port}`,
      smCredentials: () => credentials,
      send: limitedFetchSend({ maxBrokerAnswerBytes: 64 * 1024, maxJsonDepth: 64 }),
      timeoutMs: 5000,
    }),
  );
  proxy = await listen(app, '127.0.0.1', 0);
});
afterAll(async () => {
  await proxy?.close();
  sm?.close();
});

it.each([
  { path: 'big', says: /more than 65536 bytes .*limits\.maxBrokerAnswerBytes/ },
  { path: 'deep', says: /nested deeper than 64 levels.*limits\.maxJsonDepth/ },
])("the broker proxy refuses a Service Manager's answer past its limits ($path)", async ({ path, says }) => {
  const response = await fetch(`${proxy.url}/osb/${path}/v2/catalog`, {
    headers: { Authorization: `Basic ${Buffer.from('proxy-test:pw').toString('base64')}` },
  });
  expect(response.status).toBe(502);
  const body = await response.json();
  expect(body).toMatchObject({ error: 'ServiceManagerAnswerRefused' });
  expect(body.description).toMatch(
    /^The broker proxy of test refused the Service Manager's answer: it answered/,
  );
  expect(body.description).toMatch(says);
});
