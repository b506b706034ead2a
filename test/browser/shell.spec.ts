import type { Page } from '@playwright/test';
import { VIEWS } from '../../renderer/src/view-list';
import { expect, test } from './smsim-test';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

test('the status bar says in words that the UI is connected to the simulator', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('connection-status')).toHaveText('connected');
  await expect(page.getByTestId('connection-sentence')).toContainText(`smsim at ${new URL(page.url()).host}`);
});

test('every view is reachable from the nav and shows its heading', async ({ page }) => {
  await page.goto('/');
  for (const view of VIEWS) {
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: view.title, exact: true })
      .click();
    await expect(heading(page)).toHaveText(view.title);
    await expect(page).toHaveURL(new RegExp(`#/${view.id}$`));
  }
});

test('the nav works from the keyboard, and / focuses the filter', async ({ page }) => {
  await page.goto('/#/landscape');
  await page.getByTestId('nav-landscape').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('nav-traffic')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Traffic');

  await page.goto('/#/landscape');
  await page.locator('body').press('/');
  await expect(page.getByRole('searchbox', { name: 'Filter servers' })).toBeFocused();
});

test('the landscape shows the running servers from /api/endpoints', async ({ page, request }) => {
  const endpoints = await (await request.get('/api/endpoints')).json();
  await page.goto('/#/landscape');
  const broker = page.getByTestId('node-broker-sample');
  await expect(broker.getByTestId('node-url')).toHaveText(endpoints.sampleBroker.url);
  await expect(page.getByTestId('node-control').getByTestId('node-url')).toHaveText(endpoints.control.url);

  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('no such server');
  await expect(broker).toBeHidden();
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('sample');
  await expect(broker).toBeVisible();
  await broker.click();
  await expect(heading(page)).toHaveText('Broker faults');
});

test('the broker faults view follows the sample broker faults live', async ({ page, request }) => {
  await page.goto('/#/faults');
  await expect(page.getByTestId('no-faults')).toBeVisible();
  const added = await request.post('/api/sample-broker/faults', {
    data: { kind: 'status', status: 422, error: 'ConcurrencyError', operations: ['provision'], times: 3 },
  });
  expect(added.status()).toBe(201);
  const row = page.getByTestId('fault');
  await expect(row).toContainText('answers 422 ConcurrencyError');
  await expect(row).toContainText('every plan · provision');
  await expect(row).toContainText('3 of 3 left');
  await request.delete('/api/sample-broker/faults');
  await expect(page.getByTestId('no-faults')).toBeVisible();
});

test('the broker faults view says when the sample broker is off', async ({ page }) => {
  // The control server mounts no sample broker routes when it is disabled in the config: /api answers 404.
  await page.route('**/api/sample-broker/faults', (route) =>
    route.fulfill({ status: 404, json: { error: 'NotFound', description: 'No such API route.' } }),
  );
  await page.goto('/#/faults');
  await expect(page.getByText('The sample broker is off.')).toBeVisible();
});
