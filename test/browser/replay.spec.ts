import { unique } from './seed';
import { expect, test } from './smsim-test';

test('the Fixtures view replays a recording against a broker: progress to the end, then each exchange', async ({
  page,
  request,
}) => {
  test.setTimeout(30_000);
  await request.delete('/api/sample-broker/faults');
  const started = await request.post('/api/recordings', { data: { broker: 'sample' } });
  expect(started.status()).toBe(201);
  const { id } = (await started.json()) as { id: string };
  const created = await request.post('/api/platforms/cf-dev/service_instances?wait=true', {
    data: { name: unique('replayed'), service: 'sample-db', plan: 'small' },
  });
  expect(created.ok()).toBe(true);
  expect((await request.post(`/api/recordings/${id}/stop`)).ok()).toBe(true);

  await page.goto('/#/fixtures');
  const panel = page.getByRole('region', { name: 'Replay' });
  await panel.getByRole('combobox', { name: 'Recording to replay' }).selectOption(id);
  await panel.getByRole('combobox', { name: 'Broker to replay against' }).selectOption({ label: 'sample' });
  await panel.getByRole('button', { name: 'Replay' }).click();

  const run = panel.getByTestId('replay-run');
  await expect(run).toHaveAttribute('data-status', 'passed', { timeout: 20_000 });
  const progress = run.getByRole('progressbar', { name: 'Replay progress' });
  expect(await progress.getAttribute('value')).toBe(await progress.getAttribute('max'));
  await expect(run.getByTestId('replay-exchange').first()).toBeVisible();
  await expect(run.getByTestId('replay-exchange').filter({ hasText: 'provision' })).toHaveAttribute(
    'data-passed',
    'true',
  );
  await expect(run).toContainText('0 different');
});
