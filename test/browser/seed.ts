import type { APIRequestContext } from '@playwright/test';

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
