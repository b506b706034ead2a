// Traffic store: append throughput and memory for 100 000 exchanges, and flow-list latency against a naive
// filter over an array of the same exchanges. Run: node bin/run-ts.js bench/traffic.ts
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Exchange, type FlowQuery, TrafficStore } from '../main/traffic';
import { sized } from './quick';
import { exchangeInputs } from './traffic-inputs';

const EXCHANGES = sized(100_000);
const RUNS = sized(15);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMiB = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const inputs = exchangeInputs(EXCHANGES);

const heapBefore = heapMiB();
const store = new TrafficStore({ capacity: EXCHANGES });
const appendStart = performance.now();
for (const input of inputs) store.record(input);
const appendMs = performance.now() - appendStart;
const heapAfter = heapMiB();

/** The naive way: one array, a predicate per exchange, then the distinct flows newest first. */
function naiveList(exchanges: readonly Exchange[], query: FlowQuery): string[] {
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

function medianMs(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const exchanges = store.exchanges().sort((a, b) => a.seq - b.seq);
const queries: Array<[string, FlowQuery]> = [
  ['newest 100, no filter', {}],
  ['platform=k8s-dev', { platform: 'k8s-dev' }],
  ['status=4xx', { status: '4xx' }],
  ['status=422 (rare)', { status: '422' }],
  ['instance (one flow, oldest)', { instance: 'instance-5' }],
  ['text "db-33333"', { text: 'db-33333' }],
];

const fmt = (value: number, digits = 2) => value.toFixed(digits);
console.log(
  `traffic store, ${EXCHANGES.toLocaleString('en')} exchanges (${store.state().flows.toLocaleString('en')} flows)`,
);
console.log(
  `append: ${fmt(appendMs, 0)} ms total, ${fmt(EXCHANGES / (appendMs / 1000), 0)} exchanges/s, ${fmt((appendMs * 1000) / EXCHANGES)} µs each`,
);
console.log(
  `memory: ${fmt(heapAfter - heapBefore, 1)} MiB heap for the buffer (${fmt(((heapAfter - heapBefore) * 2 ** 20) / EXCHANGES, 0)} B per exchange); store's estimate ${fmt(store.state().bytes / 2 ** 20, 1)} MiB`,
);
console.log('\nflow list latency, median of', RUNS, 'runs (limit 100)');
console.log(
  ['query'.padEnd(30), 'store ms'.padStart(10), 'naive ms'.padStart(10), 'naive/store'.padStart(12)].join(''),
);
for (const [name, query] of queries) {
  const storeMs = medianMs(() => store.list(query));
  const naiveMs = medianMs(() => naiveList(exchanges, query));
  console.log(
    [
      name.padEnd(30),
      fmt(storeMs, 3).padStart(10),
      fmt(naiveMs, 3).padStart(10),
      `${fmt(naiveMs / storeMs, 1)}×`.padStart(12),
    ].join(''),
  );
}
