import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { VIEWS } from '../../renderer/src/view-list';
import { bind, provision, unique } from './seed';
import { expect, test } from './smsim-test';

/** What a view shows best: a live call for the landscape, an opened hop for the traffic. */
const PREPARE: Record<string, (page: Page, request: APIRequestContext) => Promise<void>> = {
  landscape: async (page, request) => {
    await provision(request, 'k8s-dev', 'small', unique('live'));
    await expect(page.locator('.edge-lit').first()).toBeAttached();
  },
  traffic: async (page) => {
    await page.getByTestId('flow-row').filter({ hasText: 'provision' }).first().click();
    await page.locator('[data-testid="hop"][data-hop="sm→broker"]').first().click();
  },
};

async function seed(request: APIRequestContext) {
  const shared = await provision(request, 'cf-dev', 'shared', unique('orders-db'));
  await request.patch(`/api/sm/service_instances/${shared.id}`, { data: { shared: true } });
  await request.post('/api/platforms/k8s-dev/service_instances', {
    data: {
      name: `${shared.name}-ref`,
      service: 'sample-db',
      plan: 'reference-instance',
      parameters: { referenced_instance_id: shared.id },
    },
  });
  await bind(request, 'cf-dev', await provision(request, 'cf-dev', 'large', unique('billing-db')));
  for (const data of [
    { kind: 'latency', latencyMs: 800, operations: ['catalog'] },
    { kind: 'status', status: 500, operations: ['bind'], times: 2, description: 'Flaky bind.' },
  ]) {
    await request.post('/api/sample-broker/faults', { data });
  }
}

for (const theme of ['light', 'dark'] as const) {
  test(`screenshots of every view, ${theme} theme`, async ({ page, request }, testInfo) => {
    await seed(request);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: theme });
    const folder = join(testInfo.project.outputDir, 'screenshots');
    await mkdir(folder, { recursive: true });
    for (const view of VIEWS) {
      await page.goto(`/#/${view.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(view.title);
      await expect(page.getByTestId('connection-status')).toHaveText('connected');
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await PREPARE[view.id]?.(page, request);
      const path = join(folder, `${view.id}-${theme}.png`);
      await page.screenshot({ path });
      await testInfo.attach(`${view.id}-${theme}`, { path, contentType: 'image/png' });
    }
    await request.delete('/api/sample-broker/faults');
  });
}
