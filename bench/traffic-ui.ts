// Traffic view with 100 000 exchanges in the buffer: filter typing → rows updated, in Chromium, against the
// same keystrokes with an empty buffer. Run: node bin/run-ts.js bench/traffic-ui.ts (after electron-vite build)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startSimulator } from '../main/simulator';
import { exchangeInputs } from './traffic-inputs';

const EXCHANGES = 100_000;
const CHUNK = 10_000;
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
 * In the page: resolves with the time from the next keydown in the filter to the first frame after the
 * rows of `expected` (the list's query) are in. A string, so the bundler's helpers never reach the page.
 */
const ARM = `(expected) => new Promise((resolve) => {
  const input = document.querySelector('[data-filter]');
  const target = document.querySelector('[data-testid="flow-count"]');
  let start = 0;
  input.addEventListener('keydown', () => { start = performance.now(); }, { once: true, capture: true });
  const observer = new MutationObserver(() => {
    if (!start || target.getAttribute('data-query') !== expected) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - start));
  });
  observer.observe(target, { attributes: true, attributeFilter: ['data-query'] });
})`;

/** Milliseconds from each keystroke to the first frame painted with the rows of its filter. */
async function measure(controlUrl: string): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${controlUrl}/#/traffic`);
    const count = page.getByTestId('flow-count');
    await count.and(page.locator('[data-query=""]')).waitFor();
    const filter = page.getByRole('searchbox', { name: 'Filter flows' });
    await filter.focus();
    const latencies: number[] = [];
    for (const key of KEYS) {
      const value = await filter.inputValue();
      const next = key === 'Backspace' ? value.slice(0, -1) : value + key;
      const query = next ? new URLSearchParams({ text: next }).toString() : '';
      const armed = page.evaluate<number>(`(${ARM})(${JSON.stringify(query)})`);
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

async function run(exchanges: number) {
  const dataDir = await mkdtemp(join(tmpdir(), 'smsim-bench-ui-'));
  const simulator = await startSimulator({
    portBase: 0,
    dataDir,
    logLevel: 'silent',
    config: { traffic: { bufferSize: exchanges + 1000, maxBufferBytes: 2 ** 31 } },
  });
  try {
    const inputs = exchangeInputs(exchanges);
    for (let at = 0; at < inputs.length; at += CHUNK) simulator.traffic.insert(inputs.slice(at, at + CHUNK));
    const flows = simulator.traffic.state().flows;
    return { flows, latencies: await measure(simulator.endpoints.control.url) };
  } finally {
    await simulator.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(9);

const baseline = await run(0);
const full = await run(EXCHANGES);
const rows = [
  ['', 'empty buffer', `${EXCHANGES.toLocaleString('en')} exchanges`, 'ratio'],
  ['flows in buffer', String(baseline.flows), full.flows.toLocaleString('en'), ''],
  ...(['median', 'p95', 'max'] as const).map((name) => {
    const q = name === 'median' ? 0.5 : name === 'p95' ? 0.95 : 1;
    const a = quantile(baseline.latencies, q);
    const b = quantile(full.latencies, q);
    return [`${name} key → rows`, fmt(a), fmt(b), `${(b / a).toFixed(1)}×`];
  }),
];
console.log(`Traffic view filter typing, ${KEYS.length} keystrokes each (Chromium, virtualised list)`);
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(i === 0 ? 20 : 16)).join(''));
for (const [name, result] of [
  ['empty', baseline],
  ['100k', full],
] as const) {
  console.log(`per key, ${name} (ms): ${result.latencies.map((ms) => ms.toFixed(0)).join(' ')}`);
}
