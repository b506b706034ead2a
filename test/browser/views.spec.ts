import { bind, provision, refreshSampleCatalog, unique } from './seed';
import { expect, test } from './smsim-test';

test('each view renders with real data', async ({ page, request }) => {
  const instance = await provision(request, 'cf-dev', 'small', unique('real'));
  await page.goto('/#/landscape');
  await expect(page.getByTestId('node-platform-cf-dev')).toBeVisible();
  await expect(page.getByTestId('node-service-manager')).toBeVisible();

  await page.goto('/#/traffic');
  await expect(
    page.locator(`[data-testid="flow-row"]`).filter({ hasText: 'provision' }).first(),
  ).toBeVisible();

  await page.goto('/#/catalog');
  await expect(page.getByTestId('broker-sample')).toContainText('sample-db');
  await expect(page.getByTestId('refresh').first()).toContainText('sample');

  await page.goto('/#/instances');
  await expect(page.getByTestId(`instance-${instance.name}`)).toContainText('sample-db · small');

  await page.goto('/#/platforms');
  await expect(page.getByTestId('platform-cf-dev')).toContainText('proxy-cf-dev');
  await expect(page.getByTestId('platform-k8s-dev')).toContainText('sample-db');

  await page.goto('/#/fixtures');
  await expect(page.getByRole('combobox', { name: 'Broker to check' })).toHaveValue(/.+/);

  await page.goto('/#/faults');
  await expect(page.getByRole('form', { name: 'Switch a fault on' })).toBeVisible();
});

test('provisioning from the Platforms view: the flow in Traffic within a second, a lit edge in Landscape', async ({
  page,
  context,
}) => {
  const traffic = await context.newPage();
  await traffic.goto('/#/traffic');
  const landscape = await context.newPage();
  await landscape.goto('/#/landscape');
  await expect(landscape.getByTestId('connection-status')).toHaveText('connected');
  await expect(traffic.getByTestId('connection-status')).toHaveText('connected');

  await page.goto('/#/platforms');
  await page.getByTestId('platform-cf-dev').getByTestId('provision-sample-db-small').click();
  const name = unique('from-ui');
  await page
    .getByRole('region', { name: /Provision sample-db small on cf-dev/ })
    .getByRole('textbox', { name: 'Instance name' })
    .fill(name);
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Provision', exact: true }).click();

  const row = traffic.getByTestId('flow-row').filter({ hasText: 'provision' }).filter({ hasText: 'cf-dev' });
  await expect(row.first()).toBeVisible({ timeout: 1000 });
  expect(Date.now() - clicked).toBeLessThan(1000);
  await expect(
    landscape.locator('[data-testid="edge-platform-cf-dev--service-manager"].edge-lit'),
  ).toBeAttached({
    timeout: 1000,
  });
  await expect(
    landscape.locator('[data-testid="edge-service-manager--broker-sample"].edge-lit'),
  ).toBeAttached({
    timeout: 1000,
  });
});

test('opening a hop shows the request the broker received', async ({ page, request }) => {
  const instance = await provision(request, 'cf-dev', 'small', unique('hop'));
  await page.goto('/#/traffic');
  await page.getByRole('textbox', { name: 'Instance' }).fill(instance.id);
  const row = page.getByTestId('flow-row').filter({ hasText: 'provision' });
  await expect(row).toHaveCount(1);
  await row.click();
  await page.locator('[data-testid="hop"][data-hop="sm→broker"]').click();
  const detail = page.getByTestId('hop-detail');
  await expect(detail).toContainText(`PUT`);
  await expect(detail).toContainText(`/v2/service_instances/${instance.id}`);
  await expect(page.getByTestId('request-body')).toContainText('"service_id"');
  await expect(page.getByTestId('request-body')).toContainText('"plan_id"');
  await expect(detail.getByRole('button', { name: 'Copy as curl' })).toBeVisible();
});

test('a 412 from deprovisioning an instance with bindings is shown as a sentence', async ({
  page,
  request,
}) => {
  const instance = await provision(request, 'cf-dev', 'small', unique('bound'));
  await bind(request, 'cf-dev', instance);
  await page.goto('/#/instances');
  const card = page.getByTestId(`instance-${instance.name}`);
  await card.getByRole('button', { name: 'Deprovision' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deprovision' }).click();
  await expect(card.getByTestId('action-error')).toHaveText(/still has 1 binding\(s\).*Unbind them first\./);
});

test('sharing made in the UI (share on cf-dev, reference on k8s-dev) is drawn in Instances', async ({
  page,
  request,
}) => {
  const instance = await provision(request, 'cf-dev', 'shared', unique('shared'));
  await page.goto('/#/instances');
  const card = page.getByTestId(`instance-${instance.name}`);
  await card.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(card.getByRole('button', { name: 'Unshare' })).toBeVisible();
  await card.getByRole('button', { name: 'Reference on k8s-dev' }).click();
  const reference = page.getByTestId(`instance-${instance.name}-ref`);
  await expect(reference).toContainText('reference-instance');
  await expect(page.locator(`[data-testid^="share-${instance.id}--"]`)).toBeAttached();
  await expect(
    page.getByRole('region', { name: 'k8s-dev' }).getByTestId(`instance-${instance.name}-ref`),
  ).toBeVisible();
});

test('a catalog refresh appears in Catalog with its diff', async ({ page }) => {
  const row = await refreshSampleCatalog(page);
  await expect(row).toContainText('forced · manual');
  await expect(row).toContainText(/updated|unchanged/);
  await expect(row.locator('td').last()).toHaveText(/no change|offering|plan/);
});

test('a fault switched on in Broker faults shows up as a failing flow', async ({ page, request }) => {
  await page.goto('/#/faults');
  const form = page.getByRole('form', { name: 'Switch a fault on' });
  await form.getByRole('spinbutton', { name: 'Status' }).fill('500');
  await form
    .getByRole('group', { name: 'Operations' })
    .getByRole('checkbox', { name: 'provision', exact: true })
    .check();
  await form.getByRole('spinbutton', { name: 'Times' }).fill('1');
  await form.getByRole('button', { name: 'Switch on' }).click();
  await expect(page.getByTestId('fault')).toContainText('answers 500');

  const name = unique('faulty');
  const answer = await request.post('/api/platforms/cf-dev/service_instances', {
    data: { name, service: 'sample-db', plan: 'small' },
  });
  expect(answer.ok()).toBe(false);
  await page.goto('/#/traffic');
  await page.getByRole('combobox', { name: 'Operation' }).selectOption('provision');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('5xx');
  const row = page.getByTestId('flow-row').first();
  await expect(row.getByTestId('flow-status')).toHaveText(/^5\d\d/);
  await row.click();
  await expect(page.locator('[data-testid="hop"][data-hop="sm→broker"]').first()).toContainText('500');
  await request.delete('/api/sample-broker/faults');
});

test('the Fixtures view runs the conformance check and a shipped scenario, live', async ({ page }) => {
  await page.goto('/#/fixtures');
  await page.getByRole('button', { name: 'Run the check' }).click();
  await expect(page.getByTestId('check-run')).toContainText(/checks/);
  const scenarios = page.getByRole('region', { name: 'Scenarios' });
  await scenarios.getByRole('button', { name: 'run' }).first().click();
  await expect(page.getByTestId('scenario-run').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('scenario-run')).toHaveAttribute('data-status', /passed|failed/, {
    timeout: 20_000,
  });
});

test('provision, update and bind use forms generated from the plan schemas', async ({ page }) => {
  await page.goto('/#/platforms');
  await page.getByTestId('platform-cf-dev').getByTestId('provision-sample-configurable-custom').click();
  const provisioning = page.getByRole('region', { name: /Provision sample-configurable custom on cf-dev/ });
  const name = unique('configured');
  await provisioning.getByRole('textbox', { name: 'Instance name' }).fill(name);
  await provisioning.getByRole('combobox', { name: /region/ }).selectOption('eu');
  await provisioning.getByRole('button', { name: 'Provision' }).click();
  await expect(provisioning).toBeHidden();

  await page.goto('/#/instances');
  const card = page.getByTestId(`instance-${name}`);
  await card.getByRole('button', { name: 'Update…' }).click();
  await card.getByRole('spinbutton', { name: /size/ }).fill('3');
  await card.getByRole('button', { name: 'Update', exact: true }).click();
  await expect(card.getByRole('region', { name: `Update ${name}` })).toBeHidden();
  await card.getByRole('button', { name: 'Bind…' }).click();
  await card.getByRole('combobox', { name: /role/ }).selectOption('write');
  await card.getByRole('button', { name: 'Bind', exact: true }).click();
  await expect(card.getByRole('listitem')).toContainText(`${name}-binding-1`);
});

test('the visibilities editor hides a plan from a platform and shows it again', async ({ page }) => {
  await page.goto('/#/platforms');
  const panel = page.getByTestId('platform-k8s-dev');
  const plan = panel.getByTestId('provision-sample-logs-basic');
  await expect(plan).toBeVisible();
  await panel.getByText('Edit visibilities').click();
  const row = panel.getByRole('row', { name: /sample-logs · basic/ });
  await row.getByRole('button', { name: 'hide everywhere' }).click();
  await expect(row).toContainText('hidden from this platform');
  await expect(plan).toBeHidden({ timeout: 5000 });
  await row.getByRole('button', { name: 'show here' }).click();
  await expect(row).toContainText('visible to this platform');
  await expect(plan).toBeVisible({ timeout: 5000 });
});
