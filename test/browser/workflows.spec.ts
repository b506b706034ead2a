import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import { unique } from './seed';
import { expect, test } from './smsim-test';

test('a recording stopped elsewhere (smsim record, a script) shows in the Replay panel at once', async ({
  page,
  request,
}) => {
  await page.goto('/#/fixtures');
  const replay = page.getByRole('region', { name: 'Replay' });
  const choice = replay.getByRole('combobox', { name: 'Recording to replay' });
  await expect(page.getByRole('region', { name: 'Recordings' })).toBeVisible();

  const started = await request.post('/api/recordings', { data: { broker: 'sample' } });
  const { id } = (await started.json()) as { id: string };
  await expect(page.getByTestId('recording').filter({ hasText: 'recording' })).toBeVisible();
  expect((await request.post(`/api/recordings/${id}/stop`)).ok()).toBe(true);

  // No traffic and no reload between the stop and this: the panel must learn of it from the stop itself.
  await expect(choice.locator(`option[value="${id}"]`)).toHaveCount(1);
  await expect(choice).toHaveValue(id);
  await expect(replay.getByRole('button', { name: 'Replay' })).toBeEnabled();
});

test('a recording started and stopped in the Recordings panel is offered by Replay at once', async ({
  page,
  request,
}) => {
  await page.goto('/#/fixtures');
  const recordings = page.getByRole('region', { name: 'Recordings' });
  await recordings.getByRole('button', { name: 'Record sample' }).click();
  const running = page.getByTestId('recording').filter({ hasText: 'recording' });
  await expect(running).toBeVisible();
  const created = await request.post('/api/platforms/cf-dev/service_instances?wait=true', {
    data: { name: unique('recorded'), service: 'sample-db', plan: 'small' },
  });
  expect(created.ok()).toBe(true);
  await running.getByRole('button', { name: 'stop' }).click();
  const choice = page.getByRole('region', { name: 'Replay' }).getByRole('combobox', {
    name: 'Recording to replay',
  });
  await expect(choice.locator('option', { hasText: 'no stopped recording' })).toHaveCount(0);
  await expect(choice.locator('option').first()).toContainText('sample');
});

const nav = (page: Page, title: string) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: title, exact: true });

/** Runs the check of the sample broker from the Fixtures view and waits for its end. */
async function runCheck(page: Page, request: APIRequestContext, { createNothing = false } = {}) {
  await page.goto('/#/fixtures');
  const panel = page.getByRole('region', { name: 'Conformance check' });
  await panel.getByRole('combobox', { name: 'Broker to check' }).selectOption({ label: 'sample' });
  if (createNothing) await panel.getByRole('checkbox', { name: /Create nothing/ }).check();
  const run = panel.getByTestId('check-run');
  // The panel shows the newest run the server keeps (an earlier test's) until the new one has started.
  const earlier = ((await (await request.get('/api/fixtures/checks')).json()) as Array<{ id: string }>)[0];
  if (earlier) await expect(run).toHaveAttribute('data-run-id', earlier.id);
  await panel.getByRole('button', { name: 'Run the check' }).click();
  if (earlier) await expect(run).not.toHaveAttribute('data-run-id', earlier.id);
  await expect(run).toHaveAttribute('data-status', 'finished', { timeout: 100_000 });
  return run;
}

test('a check result leads to its evidence, shown inline and opened in Traffic', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const run = await runCheck(page, request);
  const catalog = run.locator('[data-area="catalog"]');
  await catalog.locator('summary').first().click();
  const check = catalog.getByTestId('check').first();
  await check.locator('summary').first().click();
  const evidence = check.getByTestId('evidence').first();
  await expect(evidence).toContainText('GET /v2/catalog → 200');
  await evidence.getByText('response body').click();
  await expect(evidence.locator('pre')).toContainText('"services"');

  await evidence.getByRole('link', { name: 'open in Traffic' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Traffic');
  const detail = page.getByTestId('flow-detail');
  await expect(detail.locator('[data-testid="hop"][data-hop="client→broker"]')).toBeVisible();
  await expect(detail).toContainText('check → broker:sample');
  await expect(detail).toContainText('catalog');
});

test('a finished check downloads as JSON and as JUnit XML, the same results as shown', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const run = await runCheck(page, request);
  const shown = (await run.locator('p').first().textContent()) ?? '';
  const passed = Number(/(\d+) passed/.exec(shown)?.[1]);

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    run.getByRole('link', { name: 'JSON' }).click(),
  ]);
  expect(json.suggestedFilename()).toBe('smsim-check-sample.json');
  const report = JSON.parse(await readFile((await json.path())!, 'utf8'));
  expect(report.summary.pass).toBe(passed);
  expect(report.checks.length).toBe(report.summary.total);

  const [junit] = await Promise.all([
    page.waitForEvent('download'),
    run.getByRole('link', { name: 'JUnit XML' }).click(),
  ]);
  expect(junit.suggestedFilename()).toBe('smsim-check-sample.xml');
  const xml = await readFile((await junit.path())!, 'utf8');
  expect(xml.match(/<testcase /g)).toHaveLength(report.summary.total);
  expect(xml.match(/<skipped\/>/g)?.length ?? 0).toBe(report.summary.skip);
});

test('an area whose checks were all skipped reads "skipped", and the results survive switching views and a reload', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const run = await runCheck(page, request, { createNothing: true });
  const binding = run.locator('[data-area="binding"]');
  await expect(binding.locator('> summary')).toHaveText(/Binding — skipped$/);
  await expect(run.locator('[data-area="catalog"] > summary')).toHaveText(/Catalog — \d+\/\d+ passed/);
  const runText = await run.locator('p').first().textContent();

  await nav(page, 'Traffic').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Traffic');
  await nav(page, 'Fixtures').click();
  await expect(run).toHaveAttribute('data-status', 'finished');
  await expect(run.locator('p').first()).toHaveText(runText!);
  await expect(binding.locator('> summary')).toHaveText(/Binding — skipped$/);

  await page.reload();
  await expect(run.locator('p').first()).toHaveText(runText!);
});

test('a scenario runs step by step: paused before each step, "Next step" runs one, each step leads to its flows', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto('/#/fixtures');
  const panel = page.getByRole('region', { name: 'Scenarios' });
  await panel.getByRole('combobox', { name: 'How the scenario runs' }).selectOption('step');
  const scenario = panel
    .getByRole('listitem')
    .filter({ hasText: 'orphan mitigation after a broker failure' });
  await scenario.getByRole('button', { name: 'run' }).click();

  const run = panel.getByTestId('scenario-run');
  const steps = run.getByTestId('scenario-step');
  await expect(run).toHaveAttribute('data-status', 'paused');
  await expect(run.getByRole('status')).toContainText('Paused before step 1');
  await expect(steps).toHaveCount(5);
  await expect(steps.first()).toHaveAttribute('aria-current', 'step');
  await expect(run.locator('[data-state="passed"]')).toHaveCount(0);

  await run.getByRole('button', { name: 'Next step' }).click();
  await expect(run.getByRole('status')).toContainText('Paused before step 2');
  await expect(steps.nth(0)).toHaveAttribute('data-state', 'passed');
  await expect(steps.nth(1)).toHaveAttribute('data-state', 'pending');

  await run.getByRole('button', { name: 'Next step' }).click();
  await expect(run.getByRole('status')).toContainText('Paused before step 3');
  await expect(steps.nth(1)).toHaveAttribute('data-state', 'passed');
  await run.getByRole('button', { name: 'Run the rest' }).click();
  await expect(run).toHaveAttribute('data-status', 'passed', { timeout: 20_000 });
  await expect(run.locator('[data-state="passed"]')).toHaveCount(5);

  const provision = steps.filter({ hasText: 'provision broken' });
  await provision.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Traffic');
  await expect(page.getByTestId('flow-detail')).toContainText('provision');
});
