import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import type { LandscapeView } from '../../main/servers/control/api-types';
import { startServe } from '../helpers/cli';
import { startFakeBroker, validCatalog } from '../helpers/fake-broker';
import { tempDir } from '../helpers/temp-dir';
import { provision, unique } from './seed';
import { expect, test } from './smsim-test';

const card = (page: Page, node: string) => page.getByTestId(`node-${node}`);

/** The total the server counts on an edge. */
async function serverTotal(request: APIRequestContext, from: string, to: string) {
  const view = (await (await request.get('/api/landscape')).json()) as LandscapeView;
  return view.edges.find((edge) => edge.from === from && edge.to === to)!.total;
}

test('a registered broker appears in Landscape with counts that survive a reload', async ({
  page,
  context,
  request,
}) => {
  await page.goto('/#/landscape');
  await expect(page.getByTestId('connection-status')).toHaveText('connected');
  const broker = await startFakeBroker({ catalog: validCatalog(['tiny']) });
  try {
    const name = unique('mine');
    const registered = await request.put(`/api/brokers/${name}`, {
      data: { url: broker.url, username: 'u', password: 'broker-password-1' },
    });
    expect(registered.status()).toBe(201);
    const mine = card(page, `broker-${name}`);
    await expect(mine).toContainText('registered broker', { timeout: 2000 });
    await expect(mine.getByTestId('node-calls')).toHaveText(String(broker.state.calls));
    await expect(mine).not.toContainText('broker-password-1');

    for (let index = 0; index < 3; index++)
      await provision(request, 'cf-dev', 'small', unique(`count-${index}`));
    const total = await serverTotal(request, 'platform-cf-dev', 'service-manager');
    expect(total).toBeGreaterThanOrEqual(3);
    const platform = card(page, 'platform-cf-dev');
    await expect(platform.getByTestId('node-calls')).toHaveText(String(total));
    await expect(platform.getByTestId('edge-rate')).not.toHaveText('0/s');
    await expect(platform.getByTestId('edge-p50')).toHaveText(/^\d+ ms$/);

    await page.reload();
    await expect(card(page, 'platform-cf-dev').getByTestId('node-calls')).toHaveText(String(total));
    await expect(card(page, `broker-${name}`)).toBeVisible();
    const second = await context.newPage();
    await second.goto('/#/landscape');
    await expect(card(second, 'platform-cf-dev').getByTestId('node-calls')).toHaveText(String(total));

    expect((await request.delete(`/api/brokers/${name}`)).status()).toBe(200);
    await expect(card(page, `broker-${name}`)).toHaveCount(0, { timeout: 2000 });
    await expect(card(second, `broker-${name}`)).toHaveCount(0, { timeout: 2000 });
  } finally {
    await broker.close();
  }
});

test("a broker's failed calls show as errors on its edge", async ({ page, request }) => {
  await page.goto('/#/landscape');
  const sample = card(page, 'broker-sample');
  const errors = Number(await sample.getByTestId('edge-errors').textContent());
  const fault = await request.post('/api/sample-broker/faults', {
    data: { kind: 'status', status: 500, operations: ['provision'], times: 1 },
  });
  expect(fault.status()).toBe(201);
  await request.post('/api/platforms/cf-dev/service_instances', {
    data: { name: unique('failing'), service: 'sample-db', plan: 'small' },
  });
  await expect(sample.getByTestId('edge-errors')).toHaveText(String(errors + 1));
  await expect(sample.locator('.edge-stat-alert')).toContainText('error');
});

test('the status bar says in words that the simulator is gone once serve stops', async ({ page }) => {
  const dir = await tempDir('smsim-landscape-');
  const serve = await startServe(dir.path);
  try {
    await page.goto(`${serve.controlUrl}/#/landscape`);
    await expect(page.getByTestId('connection-status')).toHaveText('connected');
    await expect(card(page, 'broker-sample')).toBeVisible();
    serve.child.kill('SIGTERM');
    await serve.exited;
    await expect(page.getByTestId('connection-status')).toHaveText('disconnected', { timeout: 5000 });
    await expect(page.getByTestId('connection-sentence')).toContainText('is gone');
    await expect(card(page, 'broker-sample')).toBeVisible();
  } finally {
    serve.child.kill('SIGTERM');
    await serve.exited;
    await dir.remove();
  }
});

for (const theme of ['light', 'dark'] as const) {
  test(`Landscape under calls at 1280 and 1920 wide, ${theme}`, async ({ page, request }, testInfo) => {
    await page.emulateMedia({ colorScheme: theme });
    const folder = join(testInfo.outputDir, 'landscape');
    await mkdir(folder, { recursive: true });
    await page.goto('/#/landscape');
    for (const width of [1280, 1920]) {
      await page.setViewportSize({ width, height: 820 });
      await provision(request, 'k8s-dev', 'small', unique('shot'));
      await expect(page.locator('.edge-lit').first()).toBeAttached();
      await page.screenshot({ path: join(folder, `landscape-${width}-${theme}.png`) });
    }
  });
}
