// Traffic view with 100 000 exchanges in the buffer: filter typing → rows updated, in Chromium, against the
// same keystrokes with an empty buffer, both with calls in flight listed.
// Run: node bin/run-ts.js bench/traffic-ui.ts (after electron-vite build)
import { chromium } from 'playwright-core';
import { sized } from './quick';
import { exchangeInputs } from './traffic-inputs';
import { insertExchanges, startTrafficSimulator } from './traffic-simulator';

const EXCHANGES = sized(100_000);
/** Calls still out while the keys are typed: their rows and times move every 100 ms, as a user sees them. */
const PENDING_FLOWS = 20;
/** 20 keystrokes: type a selective filter, erase it, type a broad one. */
const KEYS = [...'db-12345', ...Array(8).fill('Backspace'), ...'b1-x'];
const PAUSE_MS = 250;

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * In the page: resolves with the times from the next keydown in the filter to the first frame painted
 * with the rows for `expected`: first the rows already loaded that match (`data-shown`), then the
 * server's complete answer (`data-query`). A string, so the bundler's helpers never reach the page.
 */
const ARM = `(expected) => new Promise((resolve) => {
  const input = document.querySelector('[data-filter]');
  const target = document.querySelector('[data-testid="flow-count"]');
  const times = {};
  let start = 0;
  input.addEventListener('keydown', () => { start = performance.now(); }, { once: true, capture: true });
  const check = () => {
    if (!start) return;
    for (const name of ['shown', 'query']) {
      if (times[name] === undefined && target.getAttribute('data-' + name) === expected) {
        times[name] = null;
        requestAnimationFrame(() => {
          times[name] = performance.now() - start;
          if (typeof times.shown === 'number' && typeof times.query === 'number') {
            observer.disconnect();
            resolve(times);
          }
        });
      }
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(target, { attributes: true, attributeFilter: ['data-shown', 'data-query'] });
})`;

interface Latency {
  shown: number;
  query: number;
}

/** Milliseconds from each keystroke to the frames painted with its rows (see ARM). */
async function measure(controlUrl: string): Promise<Latency[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${controlUrl}/#/traffic`);
    const count = page.getByTestId('flow-count');
    await count.and(page.locator('[data-query=""]')).waitFor();
    const filter = page.getByRole('searchbox', { name: 'Filter flows' });
    await filter.focus();
    const latencies: Latency[] = [];
    for (const key of KEYS) {
      const value = await filter.inputValue();
      const next = key === 'Backspace' ? value.slice(0, -1) : value + key;
      const query = next ? new URLSearchParams({ text: next }).toString() : '';
      const armed = page.evaluate<Latency>(`(${ARM})(${JSON.stringify(query)})`);
      await page.waitForTimeout(20);
      await page.keyboard.press(key);
      latencies.push(await armed);
      await page.waitForTimeout(PAUSE_MS);
    }
    return latencies;
  } finally {
    await browser.close();
  }
}

/** The first hop of `count` provisions, sent and never answered (pending rows at the top of the list). */
function beginPendingFlows(simulator: Awaited<ReturnType<typeof startTrafficSimulator>>, count: number) {
  const firstHops = exchangeInputs(count * 3).filter((input) => input.hop === 'platform→proxy');
  for (const [n, { response: _response, durationMs: _duration, ...start }] of firstHops.entries())
    simulator.traffic.begin({ ...start, flowId: `in-flight-${n}`, startMs: Date.now() });
}

async function run(exchanges: number) {
  const simulator = await startTrafficSimulator(exchanges);
  try {
    insertExchanges(simulator, exchangeInputs(exchanges));
    beginPendingFlows(simulator, PENDING_FLOWS);
    const flows = simulator.traffic.state().flows;
    return { flows, latencies: await measure(simulator.endpoints.control.url) };
  } finally {
    await simulator.stop();
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(9);

const baseline = await run(0);
const full = await run(EXCHANGES);
const stat = (result: typeof full, kind: keyof Latency, q: number) =>
  quantile(
    result.latencies.map((latency) => latency[kind]),
    q,
  );
const rows = [
  ['', 'empty buffer', `${EXCHANGES.toLocaleString('en')} exchanges`, 'ratio'],
  ['flows in buffer', String(baseline.flows), full.flows.toLocaleString('en'), ''],
  ...(['shown', 'query'] as const).flatMap((kind) =>
    (
      [
        ['median', 0.5],
        ['p95', 0.95],
      ] as const
    ).map(([name, q]) => {
      const a = stat(baseline, kind, q);
      const b = stat(full, kind, q);
      const label = kind === 'shown' ? 'rows update' : 'server answer';
      return [`${label} ${name}`, fmt(a), fmt(b), `${(b / a).toFixed(1)}×`];
    }),
  ),
];
console.log(
  `Traffic view, filter typing: keydown → rows painted, ${KEYS.length} keystrokes (Chromium, virtualised, ${PENDING_FLOWS} calls in flight)`,
);
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(i === 0 ? 24 : 18)).join(''));
for (const [name, result] of [
  ['empty', baseline],
  ['100k', full],
] as const) {
  const keys = result.latencies.map((latency) => `${latency.shown.toFixed(0)}/${latency.query.toFixed(0)}`);
  console.log(`per key, ${name} (rows update / server answer, ms): ${keys.join(' ')}`);
}
