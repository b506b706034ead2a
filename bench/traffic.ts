// Traffic (figure 5), in a running simulator (bench/traffic-simulator.ts) holding 100,000 exchanges of provision
// flows, each hop with its own 2 KiB request body (bench/traffic-inputs.ts):
// - memory: heap (and external memory) the exchanges add to the running server once a text filter has run (it
//   flattens the flows' search texts), target ≤ 250 MiB per 100,000;
// - text filter: `GET /api/flows?text=…` on the control server against a plain scan of the same exchanges in one
//   array (a case-insensitive regex over each URL and body, the distinct flows newest first), medians of
//   alternated runs, target ≤ 3×.
// Also printed: the append rate, and the store's own list against the plain scan for other filters.
// Run: node bin/run-ts.js bench/traffic.ts [--quick]
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Exchange, FlowQuery } from '../main/traffic';
import { alternatedMedians } from './alternate';
import { QUICK, sized } from './quick';
import { figure, report } from './report';
import { exchangeInputs } from './traffic-inputs';
import { insertExchanges, startTrafficSimulator } from './traffic-simulator';

const EXCHANGES = sized(100_000);
const ROUNDS = QUICK ? 5 : 15;
const MEMORY_TARGET_MIB = (250 * EXCHANGES) / 100_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const memoryMiB = () => {
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return (heapUsed + external) / 2 ** 20;
};

/** The plain way: one array, a predicate per exchange, then the distinct flows newest first. */
function plainScan(exchanges: readonly Exchange[], query: FlowQuery): string[] {
  const pattern = query.text ? new RegExp(query.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') : undefined;
  const matching = exchanges.filter(
    (exchange) =>
      (!query.platform || exchange.osb?.platform === query.platform) &&
      (!query.instance || exchange.osb?.instanceId === query.instance) &&
      (!query.status ||
        String(exchange.response?.status ?? 'error').startsWith(query.status.replace('xx', ''))) &&
      (!pattern ||
        pattern.test(exchange.url) ||
        pattern.test(exchange.request.body ?? '') ||
        pattern.test(exchange.response?.body ?? '')),
  );
  const flows: string[] = [];
  const seen = new Set<string>();
  for (let i = matching.length - 1; i >= 0 && flows.length < (query.limit ?? 100); i--) {
    const flowId = matching[i]!.flowId;
    if (!seen.has(flowId)) flows.push(flowId);
    seen.add(flowId);
  }
  return flows;
}

const timed = (run: () => unknown) => async () => {
  const start = performance.now();
  await run();
  return performance.now() - start;
};

const simulator = await startTrafficSimulator(EXCHANGES);

/** Milliseconds to insert the exchanges, made in here: once it returns, only the store holds them. */
function insertAll(): number {
  const inputs = exchangeInputs(EXCHANGES);
  const start = performance.now();
  insertExchanges(simulator, inputs);
  return performance.now() - start;
}

try {
  const before = memoryMiB();
  const appendMs = insertAll();
  const { traffic } = simulator;
  const flows = traffic.state().flows;
  // One flow's instance name, in the middle of the buffer: a narrow filter that reads every flow.
  const text = `db-${Math.floor(flows / 2)}`;
  const url = `${simulator.endpoints.control.url}/api/flows?${new URLSearchParams({ text, limit: '100' })}`;
  const viaHttp = async () => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { items: Array<{ id: string }> }).items.map((flow) => flow.id);
  };
  const answered = await viaHttp();
  const added = memoryMiB() - before;
  const exchanges = traffic.exchanges();
  const scanned = plainScan(exchanges, { text });
  if (answered.join() !== scanned.join())
    throw new Error(`/api/flows found ${answered} for "${text}", the plain scan ${scanned}`);
  const filter = await alternatedMedians(ROUNDS, {
    http: timed(viaHttp),
    plain: timed(() => plainScan(exchanges, { text })),
  });

  console.log(
    `traffic: ${EXCHANGES.toLocaleString('en')} exchanges (${flows.toLocaleString('en')} flows) appended in ${appendMs.toFixed(0)} ms (${((appendMs * 1000) / EXCHANGES).toFixed(1)} µs each), ${((added * 2 ** 20) / EXCHANGES).toFixed(0)} B each`,
  );
  report(
    figure(
      `Traffic: memory of ${EXCHANGES.toLocaleString('en')} exchanges (2 KiB bodies) vs the target`,
      added,
      'MiB',
      MEMORY_TARGET_MIB,
      { atMost: 1 },
    ),
    figure(`Traffic: text filter via /api/flows vs a plain scan`, filter.http, 'ms', filter.plain, {
      atMost: 3,
    }),
  );

  const queries: Array<[string, FlowQuery]> = [
    ['newest 100, no filter', {}],
    ['platform=k8s-dev', { platform: 'k8s-dev' }],
    ['status=4xx', { status: '4xx' }],
    ['status=422 (rare)', { status: '422' }],
    ['instance (one flow, oldest)', { instance: 'instance-5' }],
    [`text "${text}"`, { text }],
  ];
  console.log(`\nflow list in process (limit 100), medians of ${ROUNDS} alternated runs`);
  console.log(
    ['query'.padEnd(30), 'store ms', 'plain ms', 'plain/store'].map((c) => c.padStart(10)).join(''),
  );
  for (const [name, query] of queries) {
    const ms = await alternatedMedians(ROUNDS, {
      store: timed(() => traffic.list(query)),
      plain: timed(() => plainScan(exchanges, query)),
    });
    console.log(
      [name.padEnd(30), ms.store.toFixed(3), ms.plain.toFixed(3), `${(ms.plain / ms.store).toFixed(1)}×`]
        .map((c) => c.padStart(10))
        .join(''),
    );
  }
} finally {
  await simulator.stop();
}
