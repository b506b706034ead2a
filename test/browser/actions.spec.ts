import type { APIRequestContext, Page } from '@playwright/test';
import { bind, provision, unique } from './seed';
import { expect, test } from './smsim-test';

/** A shared instance on cf-dev with a reference to it on k8s-dev, made through the platforms' APIs. */
async function sharedWithReference(request: APIRequestContext) {
  const original = await provision(request, 'cf-dev', 'shared', unique('orders'));
  const shared = await request.post(`/api/platforms/cf-dev/service_instances/${original.id}/share`);
  expect(shared.ok()).toBe(true);
  const reference = await provision(request, 'k8s-dev', 'reference-instance', `${original.name}-ref`, {
    parameters: { referenced_instance_id: original.id },
  });
  return { original, reference };
}

async function confirmDeprovision(page: Page, name: string) {
  await page.getByTestId(`instance-${name}`).getByRole('button', { name: 'Deprovision' }).click();
  const dialog = page.getByRole('dialog', { name: `Deprovision ${name}?` });
  await dialog.getByRole('button', { name: 'Deprovision' }).click();
  await expect(dialog).toBeHidden();
}

test('Deprovision asks first: Cancel keeps the instance, confirming removes it and says so', async ({
  page,
  request,
}) => {
  const instance = await provision(request, 'cf-dev', 'small', unique('asked'));
  await page.goto('/#/instances');
  const card = page.getByTestId(`instance-${instance.name}`);
  await card.getByRole('button', { name: 'Deprovision' }).click();
  const dialog = page.getByRole('dialog', { name: `Deprovision ${instance.name}?` });
  await expect(dialog).toContainText('cf-dev');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toBeVisible();

  await confirmDeprovision(page, instance.name);
  await expect(card).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Deprovisioned ${instance.name}` })).toContainText(
    'cf-dev',
  );
});

test('a refused (412) deprovision says why and leaves the instance as it was, not "failed"', async ({
  page,
  request,
}) => {
  const instance = await provision(request, 'cf-dev', 'small', unique('bound'));
  await bind(request, 'cf-dev', instance);
  await page.goto('/#/instances');
  await confirmDeprovision(page, instance.name);
  const card = page.getByTestId(`instance-${instance.name}`);
  await expect(card.getByTestId('action-error')).toHaveText(
    /^The Service Manager refused: .*still has 1 binding\(s\).*Unbind them first\./,
  );
  await expect(card.getByTestId('instance-state')).toHaveText('succeeded');
  await page.reload();
  await expect(card.getByTestId('instance-state')).toHaveText('succeeded');
});

test('unsharing a referenced instance: the refusal comes from the SM and counts only the references', async ({
  page,
  request,
}) => {
  const { original, reference } = await sharedWithReference(request);
  await page.goto('/#/instances');
  const card = page.getByTestId(`instance-${original.name}`);
  await card.getByRole('button', { name: 'Unshare' }).click();
  await expect(card.getByTestId('action-error')).toHaveText(
    new RegExp(
      `^The Service Manager refused: Service instance ${original.name} is still referenced by 1 reference: ${reference.name} \\(${reference.id}\\) on platform "k8s-dev"`,
    ),
  );
});

test('after the shared original is deprovisioned the reference says the broker still holds the instance, with a dashed line to where it was', async ({
  page,
  request,
}) => {
  const { original, reference } = await sharedWithReference(request);
  await page.goto('/#/instances');
  await expect(page.getByTestId(`share-${original.id}--${reference.id}`)).toBeAttached();
  await confirmDeprovision(page, original.name);
  await expect(page.getByTestId(`instance-${original.name}`)).toBeHidden();

  const referenceCard = page.getByTestId(`instance-${reference.name}`);
  await expect(referenceCard).toContainText(
    'original deprovisioned on cf-dev; the broker still holds the instance',
  );
  const ghost = page.getByRole('region', { name: 'cf-dev' }).getByTestId(`detached-${original.id}`);
  await expect(ghost).toContainText(original.name);
  const line = page.getByTestId(`share-${original.id}--${reference.id}`);
  await expect(line).toHaveClass(/share-line-detached/);
  await page.setViewportSize({ width: 1280, height: 900 });
  await ghost.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('detached-share-1280.png'), fullPage: true });
});

test('each card offers only the actions its plan allows', async ({ page, request }) => {
  const logs = await provision(request, 'cf-dev', 'basic', unique('logs'), { service: 'sample-logs' });
  const small = await provision(request, 'cf-dev', 'small', unique('small'));
  const shared = await provision(request, 'cf-dev', 'shared', unique('shareable'));
  await page.goto('/#/instances');
  const buttons = (name: string) =>
    page.getByTestId(`instance-${name}`).getByRole('group', { name: 'Actions' }).getByRole('button');
  await expect(buttons(logs.name)).toHaveText(['Deprovision']);
  await expect(buttons(small.name)).toHaveText(['Bind…', 'Update…', 'Deprovision']);
  await expect(buttons(shared.name)).toHaveText(['Bind…', 'Share', 'Deprovision']);
  await page.getByTestId(`instance-${small.name}`).getByRole('button', { name: 'Update…' }).click();
  const plans = page.getByRole('region', { name: `Update ${small.name}` }).getByRole('combobox', {
    name: 'Plan',
  });
  await expect(plans.locator('option')).toHaveText(['small', 'large', 'shared']);
});

test('a provision says what it made and links its card', async ({ page }) => {
  await page.goto('/#/platforms');
  const panel = page.getByTestId('platform-cf-dev');
  await panel.getByTestId('provision-sample-db-small').click();
  const form = panel.getByRole('region', { name: /Provision sample-db small on cf-dev/ });
  const name = unique('made');
  await form.getByRole('textbox', { name: 'Instance name' }).fill(name);
  await form.getByRole('button', { name: 'Provision', exact: true }).click();
  const made = panel.getByRole('status').filter({ hasText: `Provisioned ${name}` });
  await expect(made).toContainText('sample-db · small');
  await made.getByRole('link', { name: 'Show in Instances' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instances');
  await expect(page.getByTestId(`instance-${name}`)).toBeInViewport();
});

test('with smsim unreachable an action says so in words, not "Failed to fetch"', async ({
  page,
  request,
  baseURL,
}) => {
  const instance = await provision(request, 'cf-dev', 'shared', unique('offline'));
  await page.goto('/#/instances');
  const card = page.getByTestId(`instance-${instance.name}`);
  await expect(card).toBeVisible();
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await card.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(card.getByTestId('action-error')).toHaveText(
    `Cannot reach smsim at ${new URL(baseURL!).origin} — is \`smsim serve\` running?`,
  );
});

test('a form takes the focus when it opens; Escape closes it and gives the focus back', async ({
  page,
  request,
}) => {
  const instance = await provision(request, 'cf-dev', 'small', unique('keys'));
  await page.goto('/#/instances');
  const card = page.getByTestId(`instance-${instance.name}`);
  const opener = card.getByRole('button', { name: 'Update…' });
  await opener.click();
  const form = card.getByRole('region', { name: `Update ${instance.name}` });
  await expect(form.getByRole('combobox', { name: 'Plan' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(opener).toBeFocused();

  await page.goto('/#/platforms');
  const panel = page.getByTestId('platform-cf-dev');
  await panel.getByTestId('provision-sample-db-large').click();
  const provisioning = panel.getByRole('region', { name: /Provision sample-db large on cf-dev/ });
  await expect(provisioning.getByRole('textbox', { name: 'Instance name' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(provisioning).toBeHidden();
  await expect(panel.getByTestId('provision-sample-db-large')).toBeFocused();
});

test('Clear in Traffic asks first', async ({ page, request }) => {
  await provision(request, 'cf-dev', 'small', unique('cleared'));
  await page.goto('/#/traffic');
  const rows = page.getByTestId('flow-row');
  await expect(rows.first()).toBeVisible();
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear the captured traffic?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows.first()).toBeVisible();
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await dialog.getByRole('button', { name: 'Clear traffic' }).click();
  await expect(rows).toHaveCount(0);
});

test('"Skip to content" is the first stop of the keyboard and moves past the navigation', async ({
  page,
}) => {
  await page.goto('/#/traffic');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL(/#\/traffic$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Traffic');
});
