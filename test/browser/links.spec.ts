import type { Page } from '@playwright/test';
import { bind, provision, unique } from './seed';
import { expect, test } from './smsim-test';

const nav = (page: Page, title: string) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: title, exact: true });
const provisionRow = (page: Page) => page.getByTestId('flow-row').filter({ hasText: 'provision' });

test('reload on a flow’s URL shows that flow, selected, with its hops and the hop that was open', async ({
  page,
  request,
}) => {
  const instance = await provision(request, 'cf-dev', 'small', unique('reload'));
  await page.goto('/#/traffic');
  await page.getByRole('textbox', { name: 'Instance' }).fill(instance.id);
  await provisionRow(page).click();
  await expect(page.getByTestId('flow-detail')).toContainText(instance.id);
  const flowId = await provisionRow(page).getAttribute('data-flow-id');
  await expect(page).toHaveURL(new RegExp(`[?&]flow=${flowId}`));
  await page.locator('[data-testid="hop"][data-hop="sm→broker"]').click();
  await expect(page.getByTestId('hop-detail')).toContainText(`/v2/service_instances/${instance.id}`);

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Instance' })).toHaveValue(instance.id);
  await expect(provisionRow(page)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('flow-detail')).toContainText(instance.id);
  await expect(page.locator('[data-testid="hop"][data-hop="sm→broker"]')).toBeVisible();
  // The hop that was open is open again: the broker's side of the provision.
  await expect(page.getByTestId('hop-detail')).toContainText(`/v2/service_instances/${instance.id}`);
  await expect(page.getByTestId('hop-detail')).toContainText('PUT');
});

test('filters and the open flow are kept when switching views and back', async ({ page, request }) => {
  const instance = await provision(request, 'k8s-dev', 'small', unique('kept'));
  await page.goto('/#/traffic');
  await page.getByRole('combobox', { name: 'Platform' }).selectOption('k8s-dev');
  await page.getByRole('combobox', { name: 'Operation' }).selectOption('provision');
  await page.getByRole('searchbox', { name: 'Filter flows' }).fill(`${instance.id.slice(0, 8)} `);
  await provisionRow(page).first().click();
  await expect(page.getByTestId('flow-detail')).toContainText(instance.id);

  await nav(page, 'Instances').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instances');
  await nav(page, 'Catalog').click();
  await nav(page, 'Traffic').click();
  await expect(page.getByRole('combobox', { name: 'Platform' })).toHaveValue('k8s-dev');
  await expect(page.getByRole('combobox', { name: 'Operation' })).toHaveValue('provision');
  // The space typed last is kept: the next word of the search would follow it.
  await expect(page.getByRole('searchbox', { name: 'Filter flows' })).toHaveValue(
    `${instance.id.slice(0, 8)} `,
  );
  await expect(page.getByTestId('flow-detail')).toContainText(instance.id);
  await expect(provisionRow(page)).toHaveCount(1);
});

test('a filter URL pasted into a fresh page shows the filtered flows', async ({ browser, page, request }) => {
  const instance = await provision(request, 'cf-dev', 'small', unique('pasted'));
  await page.goto('/#/traffic');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('2xx');
  await page.getByRole('textbox', { name: 'Instance' }).fill(instance.id);
  await expect(provisionRow(page)).toHaveCount(1);
  const url = page.url();

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(url);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Traffic');
    await expect(other.getByRole('combobox', { name: 'Status' })).toHaveValue('2xx');
    await expect(other.getByRole('textbox', { name: 'Instance' })).toHaveValue(instance.id);
    await expect(provisionRow(other)).toHaveCount(1);
    await expect(other.getByTestId('flow-row')).toHaveCount(1);
  } finally {
    await fresh.close();
  }
});

test('an instance card shows its OSB id, last operation and masked credentials, and leads to its flows and back', async ({
  page,
  request,
}) => {
  const instance = await provision(request, 'cf-dev', 'small', unique('linked'));
  const binding = await bind(request, 'cf-dev', instance);
  const { credentials } = await (
    await request.get(`/api/platforms/cf-dev/service_bindings/${binding.id}`)
  ).json();
  const secret = String(
    Object.values(credentials as Record<string, unknown>).find((value) => typeof value === 'string'),
  );

  await page.goto('/#/instances');
  const card = page.getByTestId(`instance-${instance.name}`);
  await expect(card.getByTestId('osb-id')).toHaveText(instance.id);
  await expect(card.getByTestId('last-operation')).toContainText('create succeeded');
  const shownCredentials = card.getByTestId(`credentials-${binding.name}`);
  await expect(shownCredentials).toContainText(Object.keys(credentials)[0]!);
  await expect(shownCredentials).not.toContainText(secret);
  await shownCredentials.getByRole('button', { name: 'Show credentials' }).click();
  await expect(shownCredentials).toContainText(secret);

  await card.getByRole('link', { name: 'Flows of this instance' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Traffic');
  await expect(page.getByRole('textbox', { name: 'Instance' })).toHaveValue(instance.id);
  const rows = page.getByTestId('flow-row');
  await expect(rows.filter({ hasText: 'provision' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'bind' })).toHaveCount(1);
  await expect(rows).toHaveCount(2);

  await rows.filter({ hasText: 'provision' }).click();
  await page.getByTestId('flow-detail').getByRole('link', { name: instance.id }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instances');
  await expect(card).toHaveAttribute('aria-current', 'true');
  await expect(card).toBeInViewport();

  await page.goBack();
  await expect(page.getByRole('textbox', { name: 'Instance' })).toHaveValue(instance.id);
  await expect(page.getByTestId('flow-detail')).toContainText(instance.id);
});

/** A HAR entry of a provision made elsewhere, started at `at`, its body naming `name`. */
const harProvision = (at: number, name: string) => ({
  startedDateTime: new Date(at).toISOString(),
  time: 20,
  request: {
    method: 'PUT',
    url: `http://127.0.0.1:9/v2/service_instances/${name}?accepts_incomplete=true`,
    headers: [{ name: 'content-type', value: 'application/json' }],
    postData: { mimeType: 'application/json', text: JSON.stringify({ context: { instance_name: name } }) },
  },
  response: { status: 201, headers: [], content: { size: 2, text: '{}' } },
});

test('imported HAR flows are marked and listed in time order among the live ones', async ({
  page,
  request,
}) => {
  const token = unique('ordered');
  await provision(request, 'cf-dev', 'small', `${token}-a`);
  await provision(request, 'cf-dev', 'small', `${token}-b`);
  const live = (await (await request.get(`/api/flows?text=${token}`)).json()).items as Array<{
    id: string;
    startedAt: string;
  }>;
  const [b, a] = live;
  const aStart = Date.parse(a!.startedAt);
  const between = Math.round((aStart + Date.parse(b!.startedAt)) / 2);
  expect(between).toBeGreaterThan(aStart);
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'elsewhere', version: '1' },
      entries: [
        harProvision(aStart - 86_400_000, `${token}-yesterday`),
        harProvision(between, `${token}-between`),
      ],
    },
  };

  await page.goto('/#/traffic');
  await page.getByRole('searchbox', { name: 'Filter flows' }).fill(token);
  await expect(page.getByTestId('flow-row')).toHaveCount(2);
  await page.locator('input[type="file"]').setInputFiles({
    name: 'elsewhere.har',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(har)),
  });
  await expect(page.getByText('Imported 2 exchanges from elsewhere.har.')).toBeVisible();

  const rows = page.getByTestId('flow-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toHaveAttribute('data-flow-id', b!.id);
  await expect(rows.nth(2)).toHaveAttribute('data-flow-id', a!.id);
  for (const [index, imported] of [false, true, false, true].entries())
    await expect(rows.nth(index).getByTestId('imported-mark')).toHaveCount(imported ? 1 : 0);
  await rows.nth(3).click();
  await expect(page.getByTestId('flow-detail').getByTestId('imported-mark')).toBeVisible();
  await expect(page.getByTestId('flow-detail')).toContainText(`${token}-yesterday`);
});

test('the Landscape filter is in the URL: kept on reload and when coming back to the view', async ({
  page,
}) => {
  await page.goto('/#/landscape');
  const filter = page.getByRole('searchbox', { name: 'Filter servers' });
  await filter.fill('k8s');
  await expect(page.getByTestId('node-platform-k8s-dev')).toBeVisible();
  await expect(page.getByTestId('node-platform-cf-dev')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/landscape\?filter=k8s$/);

  await page.reload();
  await expect(filter).toHaveValue('k8s');
  await expect(page.getByTestId('node-platform-cf-dev')).toHaveCount(0);
  await nav(page, 'Catalog').click();
  await nav(page, 'Landscape').click();
  await expect(filter).toHaveValue('k8s');
  await expect(page.getByTestId('node-platform-k8s-dev')).toBeVisible();
});
