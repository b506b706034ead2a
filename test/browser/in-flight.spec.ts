import type { Page } from '@playwright/test';
import { provision, unique } from './seed';
import { expect, test } from './smsim-test';

const SHOTS = process.env.SMSIM_SHOTS;

type Look = readonly [width: number, colorScheme: 'light' | 'dark'];
const EVERY_LOOK: readonly Look[] = [
  [1280, 'light'],
  [1280, 'dark'],
  [1920, 'light'],
  [1920, 'dark'],
];

/** Screenshots (1280 and 1920 wide, light and dark) when SMSIM_SHOTS names a folder, to look at them. */
async function shoot(page: Page, name: string, looks = EVERY_LOOK) {
  if (!SHOTS) return;
  for (const [width, colorScheme] of looks) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 720 });
}

const hopOf = (page: Page, hop: string) => page.locator(`[data-testid="hop"][data-hop="${hop}"]`).first();

const msOf = async (page: Page, hop: string) =>
  Number.parseFloat((await hopOf(page, hop).getByTestId('hop-ms').textContent()) ?? '');

test('a 3 s latency fault shows a pending row within 1 s and its bars grow', async ({ page, request }) => {
  const fault = await request.post('/api/sample-broker/faults', {
    data: { kind: 'latency', latencyMs: 3000, operations: ['provision'], times: 1 },
  });
  expect(fault.status()).toBe(201);
  await page.goto('/#/traffic');
  await expect(page.getByTestId('flow-list')).toBeVisible();
  const pendingRow = page
    .locator('[data-testid="flow-row"][data-pending="true"]')
    .filter({ hasText: 'provision' });

  const created = provision(request, 'cf-dev', 'small', unique('slow'));
  // Within 1 s of the request, a row says the call is out (and no failure).
  await expect(pendingRow.getByTestId('flow-status')).toHaveText('pending', { timeout: 1000 });

  await pendingRow.click();
  // Watched in the page, frame by frame (a loaded machine leaves little of the 3 s for round trips): the
  // sm→broker hop shows "pending", then, still pending, a longer time and a wider bar.
  await page.waitForFunction(
    () => {
      const hop = document.querySelector('[data-testid="hop"][data-hop="sm→broker"]');
      if (hop?.getAttribute('data-pending') !== 'true') return false;
      if (hop.querySelector('.hop-status')?.textContent !== 'pending') return false;
      const ms = Number.parseFloat(hop.querySelector('[data-testid="hop-ms"]')?.textContent ?? '');
      const width = hop.querySelector('[data-testid="hop-fill"]')!.getBoundingClientRect().width;
      const seen = window as unknown as { firstSeen?: { ms: number; width: number } };
      seen.firstSeen ??= { ms, width };
      return ms > seen.firstSeen.ms + 200 && width > seen.firstSeen.width;
    },
    undefined,
    { polling: 'raf' },
  );
  // Two looks only: the call is still out while they are taken.
  await shoot(page, 'in-flight-pending', [EVERY_LOOK[0]!, EVERY_LOOK[3]!]);

  expect((await created).id).toBeTruthy();
  await expect(hopOf(page, 'platform→proxy')).not.toHaveAttribute('data-pending');
  await expect(hopOf(page, 'platform→proxy')).toContainText('201');
  await expect(
    page.locator('[data-testid="flow-row"][aria-selected="true"] [data-testid="flow-status"]'),
  ).toHaveText('201');
  expect(await msOf(page, 'sm→broker')).toBeGreaterThanOrEqual(3000);
});

test('an async provision is one row with its polls', async ({ page, request }) => {
  const instance = await provision(request, 'k8s-dev', 'standard', unique('async'), {
    service: 'sample-async',
  });
  await page.goto('/#/traffic');
  await page.getByRole('textbox', { name: 'Instance' }).fill(instance.id);
  const rows = page.getByTestId('flow-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('outcome-mark')).toHaveAttribute('data-outcome', 'succeeded', {
    timeout: 15_000,
  });
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('flow-status')).toContainText('202');
  await expect(rows.getByRole('img', { name: 'The operation succeeded' })).toBeVisible();

  await rows.click();
  const steps = page.getByTestId('hop-step');
  await expect(steps.first()).toHaveText('poll 1');
  const outerSteps = page.locator('[data-testid="hop"][data-hop="platform→proxy"] [data-testid="hop-step"]');
  const polls = await outerSteps.allTextContents();
  expect(polls).toEqual(polls.map((_, n) => `poll ${n + 1}`));
  await shoot(page, 'in-flight-async');
});
