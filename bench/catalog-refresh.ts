// Catalog refresh: 200 brokers registered in the SM, 20 of which stop answering (their requests are accepted and
// never replied to); the wall time of a forced refresh of all of them (POST /api/catalog-refreshes on the control
// server) against the per-broker catalog timeout T (config `catalog.timeoutMs`). Target ≤ 1.3 × T: the hung
// brokers time out side by side, not one batch after another. Median of 3 refreshes (all printed: the first
// knows nothing of the brokers' speed, the later ones start the brokers that were slow first).
// Run: node bin/run-ts.js bench/catalog-refresh.ts [--quick]
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startSimulator } from '../main/index';
import { median, runLoad } from './load';
import { QUICK, sized } from './quick';
import { figure, report } from './report';

const BROKERS = sized(200);
const HUNG = sized(20);
const TIMEOUT_MS = QUICK ? 500 : 2000;
const REFRESHES = 3;

/** A small valid catalog whose service and plan ids belong to broker `n` alone. */
const catalogOf = (n: number) =>
  JSON.stringify({
    services: [
      {
        id: `bench-service-${n}`,
        name: `bench-service-${n}`,
        description: 'A benchmark service',
        bindable: true,
        plans: [{ id: `bench-plan-${n}`, name: 'basic', description: 'The basic plan' }],
      },
    ],
  });

/** Every broker at `/broker/<n>` of one server; a broker in `hung` takes its requests and never answers. */
async function startBrokers() {
  const hung = new Set<number>();
  const server = http.createServer((req, res) => {
    const match = /^\/broker\/(\d+)\/v2\/catalog$/.exec(req.url ?? '');
    if (!match) return void res.writeHead(404).end();
    const n = Number(match[1]);
    if (hung.has(n)) return;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(catalogOf(n));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urlOf: (n: number) => `${url}/broker/${n}`,
    hung,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

const brokers = await startBrokers();
const dataDir = await mkdtemp(join(tmpdir(), 'smsim-bench-catalog-'));
const simulator = await startSimulator({
  portBase: 0,
  dataDir,
  logLevel: 'silent',
  sampleBroker: false,
  config: { catalog: { timeoutMs: TIMEOUT_MS, refreshIntervalMinutes: 0 } },
});
try {
  const sm = simulator.endpoints.serviceManager!;
  const admin = `Basic ${Buffer.from(`${sm.admin.username}:${sm.admin.password}`).toString('base64')}`;
  await runLoad(BROKERS, 8, async (n) => {
    const response = await fetch(`${sm.url}/v1/service_brokers`, {
      method: 'POST',
      headers: { Authorization: admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: `bench-broker-${n}`,
        broker_url: brokers.urlOf(n),
        credentials: { basic: { username: 'u', password: 'p' } },
      }),
    });
    if (response.status !== 201) throw new Error(`registering broker ${n}: ${await response.text()}`);
  });
  // The hung brokers are spread over the list, as a real landscape's would be.
  for (let i = 0; i < HUNG; i++) brokers.hung.add(Math.floor((i * BROKERS) / HUNG));

  const times: number[] = [];
  for (let refresh = 0; refresh < REFRESHES; refresh++) {
    const start = performance.now();
    const response = await fetch(`${simulator.endpoints.control.url}/api/catalog-refreshes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    const { items } = (await response.json()) as { items: Array<{ result: string }> };
    times.push(performance.now() - start);
    const timedOut = items.filter((item) => item.result === 'timeout').length;
    if (response.status !== 201 || items.length !== BROKERS || timedOut !== HUNG)
      throw new Error(
        `refresh ${refresh}: ${response.status}, ${items.length} brokers, ${timedOut} timed out`,
      );
  }
  console.log(
    `catalog refresh: ${BROKERS} brokers, ${HUNG} hung, timeout ${TIMEOUT_MS} ms; refreshes took ${times.map((ms) => ms.toFixed(0)).join(', ')} ms`,
  );
  report(
    figure('catalog refresh: all brokers, some hung, vs timeout T', median(times), 'ms', TIMEOUT_MS, {
      atMost: 1.3,
    }),
  );
} finally {
  await simulator.stop();
  await brokers.close();
  await rm(dataDir, { recursive: true, force: true });
}
