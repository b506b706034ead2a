import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { startFakeBroker, validCatalog } from '../helpers/fake-broker';

interface Created {
  id: string;
  name: string;
}

/** Provisions through a platform's API (as its user would), failing the test on a refusal. */
export async function provision(
  request: APIRequestContext,
  platform: string,
  plan: string,
  name: string,
  { service = 'sample-db', parameters }: { service?: string; parameters?: Record<string, unknown> } = {},
) {
  const answer = await request.post(`/api/platforms/${platform}/service_instances`, {
    data: { name, service, plan, parameters },
  });
  if (!answer.ok()) throw new Error(`provision ${name}: ${answer.status()} ${await answer.text()}`);
  return (await answer.json()) as Created;
}

export async function bind(request: APIRequestContext, platform: string, instance: Created) {
  const answer = await request.post(`/api/platforms/${platform}/service_bindings`, {
    data: { name: `${instance.name}-b`, service_instance_id: instance.id },
  });
  if (!answer.ok()) throw new Error(`bind ${instance.name}: ${answer.status()} ${await answer.text()}`);
  return (await answer.json()) as Created;
}

/** A name no other test of this worker's smsim uses. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;

/** Refreshes the sample broker's catalog with its button in Catalog; the refresh history's new row. */
export async function refreshSampleCatalog(page: Page) {
  await page.goto('/#/catalog');
  const rows = page.getByTestId('refresh');
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  await page.getByTestId('broker-sample').getByRole('button', { name: 'Refresh catalog' }).click();
  await expect(rows).toHaveCount(before + 1);
  return rows.first();
}

/** A broker of its own (a fake one on a free port) registered at the SM through the control API. */
export async function registeredFakeBroker(request: APIRequestContext) {
  const fake = await startFakeBroker({ catalog: validCatalog(['basic']) });
  const name = unique('fake');
  const created = await request.post('/api/sm/service_brokers', {
    data: { name, broker_url: fake.url, credentials: { basic: { username: 'u', password: 'p' } } },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  return {
    fake,
    name,
    id,
    remove: async () => {
      await request.delete(`/api/sm/service_brokers/${id}`);
      await fake.close();
    },
  };
}
