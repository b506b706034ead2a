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
