import type { Page } from '@playwright/test';
import type { validCatalog } from '../helpers/fake-broker';
import { refreshSampleCatalog, registeredFakeBroker, unique } from './seed';
import { expect, test } from './smsim-test';

const faultForm = (page: Page) => page.getByRole('form', { name: 'Switch a fault on' });

test.beforeEach(async ({ request }) => {
  await request.delete('/api/sample-broker/faults');
});
test.afterEach(async ({ request }) => {
  await request.delete('/api/sample-broker/faults');
});

test.describe('the faults form', () => {
  test('"malformed" with the status the form offers is switched on, and the form says so', async ({
    page,
  }) => {
    await page.goto('/#/faults');
    const form = faultForm(page);
    await form.getByRole('combobox', { name: 'Fault' }).selectOption('malformed');
    await form.getByRole('button', { name: 'Switch on' }).click();
    await expect(form.getByRole('status')).toContainText('Switched on: Malformed body');
    await expect(form.getByTestId('action-error')).toHaveCount(0);
    await expect(page.getByTestId('fault')).toContainText('answers a body that is not JSON');
    await page.getByRole('button', { name: 'Remove the malformed body fault' }).click();
    await expect(page.getByTestId('no-faults')).toBeVisible();
  });

  test('a fault for one plan and several operations answers an OSB error to those only', async ({
    page,
    request,
  }) => {
    await page.goto('/#/faults');
    const form = faultForm(page);
    await form.getByRole('combobox', { name: 'Fault' }).selectOption('status');
    await form.getByRole('spinbutton', { name: 'Status' }).fill('422');
    await form.getByRole('combobox', { name: 'OSB error' }).fill('ConcurrencyError');
    await form.getByRole('textbox', { name: 'Description' }).fill('Another operation is running.');
    await form.getByRole('combobox', { name: 'Plan' }).selectOption({ label: 'sample-db · small' });
    const operations = form.getByRole('group', { name: 'Operations' });
    await operations.getByRole('checkbox', { name: 'provision', exact: true }).check();
    await operations.getByRole('checkbox', { name: 'update', exact: true }).check();
    await form.getByRole('button', { name: 'Switch on' }).click();

    const row = page.getByTestId('fault');
    await expect(row).toContainText('answers 422 ConcurrencyError');
    await expect(row).toContainText('Another operation is running.');
    await expect(row).toContainText('plan small (sample-db) · provision, update');

    const refused = await request.post('/api/platforms/cf-dev/service_instances', {
      data: { name: unique('scoped'), service: 'sample-db', plan: 'small' },
    });
    expect(refused.ok()).toBe(false);
    expect(await refused.text()).toContain('Another operation is running.');
    const otherPlan = await request.post('/api/platforms/cf-dev/service_instances', {
      data: { name: unique('unscoped'), service: 'sample-db', plan: 'large' },
    });
    expect(otherPlan.ok(), await otherPlan.text()).toBe(true);
  });

  test('a failed-operation fault offers only the operations that can run asynchronously', async ({
    page,
  }) => {
    await page.goto('/#/faults');
    const form = faultForm(page);
    await form.getByRole('combobox', { name: 'Fault' }).selectOption('failLastOperation');
    const operations = form.getByRole('group', { name: 'Operations' });
    await expect(operations.getByRole('checkbox')).toHaveCount(5);
    await expect(operations.getByRole('checkbox', { name: 'deprovision' })).toBeVisible();
    await expect(operations.getByRole('checkbox', { name: 'catalog' })).toHaveCount(0);
  });
});

test.describe('the Catalog', () => {
  test('Remove asks first: Escape keeps the broker, the confirmation removes it and says so', async ({
    page,
    request,
  }) => {
    const broker = await registeredFakeBroker(request);
    try {
      await page.goto('/#/catalog');
      const card = page.getByTestId(`broker-${broker.name}`);
      await card.getByRole('button', { name: 'Remove' }).click();
      const dialog = page.getByRole('dialog', { name: `Remove broker ${broker.name}?` });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(card).toBeVisible();

      await card.getByRole('button', { name: 'Remove' }).click();
      await dialog.getByRole('button', { name: 'Remove broker' }).click();
      await expect(card).toBeHidden();
      await expect(page.getByRole('status').filter({ hasText: 'Removed broker' })).toHaveText(
        `Removed broker ${broker.name} from the Service Manager.`,
      );
    } finally {
      await broker.remove();
    }
  });

  test('a registered broker whose plans no platform sees says so, and Publish makes them visible', async ({
    page,
    request,
  }) => {
    const broker = await registeredFakeBroker(request);
    try {
      await page.goto('/#/catalog');
      const hint = page.getByTestId(`broker-${broker.name}`).getByTestId('unpublished-plans');
      await expect(hint).toContainText('basic: not visible on any platform');
      await expect(hint).toContainText(`smsim broker publish ${broker.name}`);
      await expect(page.getByTestId('broker-sample').getByTestId('unpublished-plans')).toHaveCount(0);
      await hint.getByRole('button', { name: 'Publish to every platform' }).click();
      await expect(hint).toBeHidden();

      await page.goto('/#/platforms');
      const offering = (broker.fake.state.behaviour.catalog as ReturnType<typeof validCatalog>).services[0]!;
      await expect(
        page.getByTestId('platform-cf-dev').getByTestId(`provision-${offering.name}-basic`),
      ).toBeVisible({ timeout: 5000 });
    } finally {
      await broker.remove();
    }
  });

  test('a malformed catalog then Refresh is recorded as malformed, with why', async ({ page, request }) => {
    await request.post('/api/sample-broker/faults', {
      data: { kind: 'malformed', operations: ['catalog'], times: 1 },
    });
    const row = await refreshSampleCatalog(page);
    await expect(row).toContainText('malformed');
    await expect(row).not.toContainText('unreachable');
    await expect(row).toContainText('not JSON');
    await expect(page.getByTestId('broker-sample').getByTestId('action-error')).toContainText(
      'with a malformed catalog, not JSON',
    );
  });

  test('the refresh diff says which fields of a changed plan changed, old → new', async ({
    page,
    request,
  }) => {
    const broker = await registeredFakeBroker(request);
    try {
      await page.goto('/#/catalog');
      const catalog = structuredClone(broker.fake.state.behaviour.catalog) as ReturnType<typeof validCatalog>;
      catalog.services[0]!.plans[0]!.description = 'The basic plan, with backups';
      broker.fake.state.behaviour = { catalog };
      const card = page.getByTestId(`broker-${broker.name}`);
      await card.getByRole('button', { name: 'Refresh catalog' }).click();
      await expect(card.getByRole('status')).toHaveText(`Refreshed the catalog of ${broker.name}: updated.`);
      const diff = page
        .getByTestId('refresh')
        .filter({ hasText: broker.name })
        .first()
        .getByTestId('refresh-diff');
      await expect(diff).toContainText('~ plan basic');
      await expect(diff).toContainText('description: "The basic plan" → "The basic plan, with backups"');
    } finally {
      await broker.remove();
    }
  });
});
