import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { Endpoints } from '../../main/servers/control/endpoints';
import type { FlowPage } from '../../main/traffic/store-types';
import { provision, registeredFakeBroker, unique } from './seed';
import { expect, test } from './smsim-test';

const run = promisify(execFile);

test.use({ viewport: { width: 1280, height: 800 } });

const endpoints = async (request: APIRequestContext) =>
  (await (await request.get('/api/endpoints')).json()) as Endpoints;

async function flows(request: APIRequestContext, query: string) {
  return ((await (await request.get(`/api/flows?${query}`)).json()) as FlowPage).items;
}

/** Whether the text of `cell` shows whole (nothing cut off by its column). */
const showsWhole = (cell: Locator) => cell.evaluate((element) => element.scrollWidth <= element.clientWidth);

async function openFlowOfInstance(page: Page, instancePrefix: string) {
  await page.goto('/#/traffic');
  await page.getByRole('textbox', { name: 'Instance' }).fill(instancePrefix);
  const row = page.getByTestId('flow-row').filter({ hasText: 'provision' }).first();
  await row.click();
  return row;
}

test('a malformed 201 is flagged and red, its Status and Total whole at 1280 wide', async ({
  page,
  request,
}) => {
  await request.post('/api/sample-broker/faults', {
    data: { kind: 'malformed', status: 201, operations: ['provision'], times: 1 },
  });
  const answer = await request.post('/api/platforms/cf-dev/service_instances', {
    data: { name: unique('malformed'), service: 'sample-db', plan: 'small' },
  });
  expect(answer.ok()).toBe(false);
  const malformed = (await flows(request, 'operation=provision&status=201')).find((flow) => flow.hasNotes);
  expect(malformed?.instanceId).toBeDefined();

  const row = await openFlowOfInstance(page, malformed!.instanceId!.slice(0, 8));
  const status = row.getByTestId('flow-status');
  await expect(status).toContainText('201');
  await expect(status).toHaveClass(/status-error/);
  const flag = status.getByTestId('note-flag');
  await expect(flag).toBeVisible();
  await expect(flag).toHaveAttribute('data-level', 'error');
  const [cell, mark] = [await status.boundingBox(), await flag.boundingBox()];
  expect(mark!.x + mark!.width).toBeLessThanOrEqual(cell!.x + cell!.width + 0.5);
  for (const flowRow of await page.getByTestId('flow-row').all()) {
    expect(await showsWhole(flowRow.getByTestId('flow-status').locator('.flow-status-text'))).toBe(true);
    expect(await showsWhole(flowRow.locator('.flow-ms'))).toBe(true);
  }
  await page.getByRole('textbox', { name: 'Instance' }).fill('');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('traffic-cells-dark.png') });
});

test('a provision the SM refused names its broker, and the Broker filter finds it', async ({
  page,
  request,
}) => {
  const { platforms } = await endpoints(request);
  const cf = platforms.find((platform) => platform.name === 'cf-dev')!;
  const [broker] = (await (await request.get('/api/platforms/cf-dev/service_brokers')).json())
    .items as Array<{
    sm_broker_id: string;
  }>;
  const instanceId = crypto.randomUUID();
  const { username, password } = cf.proxyCredentials;
  const refused = await request.put(
    `${cf.url}/osb/${broker!.sm_broker_id}/v2/service_instances/${instanceId}?accepts_incomplete=true`,
    {
      headers: {
        authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
        'x-broker-api-version': '2.17',
      },
      data: {
        service_id: 'no-such-service',
        plan_id: 'no-such-plan',
        organization_guid: 'o',
        space_guid: 's',
      },
    },
  );
  expect(refused.status()).toBe(400);

  await page.goto('/#/traffic');
  await page.getByRole('textbox', { name: 'Broker' }).fill('sample');
  await page.getByRole('textbox', { name: 'Instance' }).fill(instanceId.slice(0, 8).toUpperCase());
  const row = page.getByTestId('flow-row');
  await expect(row).toHaveCount(1);
  await expect(row.locator('.flow-broker')).toHaveText('sample');
  await expect(row.getByTestId('flow-status')).toHaveText('400');
  await row.click();
  await expect(page.locator('[data-testid="hop"][data-hop="sm→broker"]')).toHaveCount(0);
});

test('the list/detail split resizes by drag and keys, and a reload keeps its size', async ({ page }) => {
  await page.goto('/#/traffic');
  const handle = page.getByRole('separator', { name: 'Resize the flow list' });
  const list = page.locator('.traffic-list');
  const before = (await list.boundingBox())!.width;
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 150, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const dragged = (await list.boundingBox())!.width;
  expect(dragged).toBeGreaterThan(before + 100);
  const share = await handle.getAttribute('aria-valuenow');

  await page.reload();
  await expect(handle).toHaveAttribute('aria-valuenow', share!);
  expect(Math.abs((await list.boundingBox())!.width - dragged)).toBeLessThan(2);

  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', String(Number(share) - 2));
  await page.keyboard.press('Home');
  // The list never gets narrower than its columns.
  expect((await list.boundingBox())!.width).toBeGreaterThanOrEqual(519);
});

test('an opened hop shows its status line, query table and decoded originating identity', async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const instance = await provision(request, 'cf-dev', 'small', unique('detail'));
  await openFlowOfInstance(page, instance.id.slice(0, 8));
  await page.locator('[data-testid="hop"][data-hop="sm→broker"]').click();
  const detail = page.getByTestId('hop-detail');
  await expect(detail.getByTestId('status-line')).toHaveText('HTTP/1.1 201 Created');
  await expect(detail.getByTestId('query-table')).toContainText(/accepts_incomplete\s*true/);
  const identity = detail.getByTestId('originating-identity');
  await expect(identity).toContainText('decoded: platform cloudfoundry');
  await expect(identity.getByTestId('identity-json')).toContainText('"user_id"');

  const osbContext = page.getByTestId('request-body').locator('details', { hasText: '"context"' }).last();
  await expect(osbContext).toHaveAttribute('open', '');
  await osbContext.locator('summary').first().click();
  await expect(osbContext).not.toHaveAttribute('open', '');
  await expect(osbContext).toContainText(/… \d+ keys }/);

  await detail.getByRole('region', { name: 'Request' }).getByRole('button', { name: 'Copy JSON' }).click();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied).toMatchObject({ context: { platform: 'cloudfoundry', instance_name: instance.name } });
  await page.screenshot({ path: test.info().outputPath('hop-detail.png') });
});

test('copy as curl runs: with a placeholder by default, with the real credentials when asked', async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const cf = (await endpoints(request)).platforms.find((platform) => platform.name === 'cf-dev')!;
  // A broker of this test's own, published: cf-dev fetches its catalog through its proxy now, and the broker
  // stays registered while the copied calls are sent (other tests of the worker clear the traffic).
  const broker = await registeredFakeBroker(request);
  expect((await request.post(`/api/brokers/${broker.name}/publish`)).status()).toBe(200);
  await page.goto('/#/traffic');
  await page.getByRole('combobox', { name: 'Platform' }).selectOption('cf-dev');
  await page.getByRole('combobox', { name: 'Operation' }).selectOption('catalog');
  await page.getByRole('textbox', { name: 'Broker' }).fill(broker.name);
  await expect(page.getByTestId('flow-row').first()).toContainText(broker.name);
  await page.getByTestId('flow-row').first().click();
  await page.locator('[data-testid="hop"][data-hop="platform→proxy"]').click();
  const detail = page.getByTestId('hop-detail');
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  const statusOf = async (curl: string, env: NodeJS.ProcessEnv = {}) => {
    const command = `${curl} -s -o /dev/null -w '%{http_code}'`;
    return (await run('sh', ['-c', command], { env: { ...process.env, ...env } })).stdout;
  };

  await detail.getByRole('button', { name: 'Copy as curl' }).click();
  const placeholder = await clipboard();
  expect(placeholder).toContain('-u "$SMSIM_USER:$SMSIM_PASSWORD"');
  expect(placeholder).not.toContain('[redacted]');
  expect(await statusOf(placeholder)).toBe('401');
  const { username, password } = cf.proxyCredentials;
  expect(await statusOf(placeholder, { SMSIM_USER: username, SMSIM_PASSWORD: password })).toBe('200');

  await detail.getByRole('button', { name: 'Copy with credentials' }).click();
  const withCredentials = await clipboard();
  expect(withCredentials).toContain(`-u '${username}:${password}'`);
  expect(await statusOf(withCredentials)).toBe('200');

  const byScript = await request.post(`/api/exchanges/${1}/credentials`);
  expect(byScript.status()).toBe(403);
  expect((await byScript.json()).description).toContain('GET /api/endpoints');
  await broker.remove();
});
