import type { Har } from 'har-format';
import { runScenario, type Scenario } from '../../main/fixtures/scenarios';

/** A session with a sync and an async service: provision, bind, unbind, deprovision each. */
export const session: Scenario = {
  name: 'recorded session',
  steps: [
    { action: 'provision', as: 'db', name: 'rec-db', offering: 'sample-db', plan: 'small' },
    { action: 'bind', as: 'dbBinding', name: 'rec-db-binding', instance: 'db' },
    { action: 'unbind', binding: 'dbBinding' },
    { action: 'deprovision', instance: 'db' },
    { action: 'provision', as: 'slow', name: 'rec-slow', offering: 'sample-async', plan: 'standard' },
    { action: 'bind', as: 'slowBinding', name: 'rec-slow-binding', instance: 'slow' },
    { action: 'unbind', binding: 'slowBinding' },
    { action: 'deprovision', instance: 'slow' },
  ],
};

/** A JSON call to a simulator's control API. */
export async function control(controlUrl: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${controlUrl}/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: test answers are read field by field
  const parsed: any = await response.json().catch(() => undefined);
  return { status: response.status, body: parsed };
}

/** Records `session` against the broker `sample` through the control API; returns the HAR and the run. */
export async function recordSession(controlUrl: string) {
  const started = await control(controlUrl, 'POST', '/recordings', { broker: 'sample' });
  if (started.status !== 201) throw new Error(`recording not started: ${JSON.stringify(started.body)}`);
  const result = await runScenario(session, { controlUrl });
  if (result.failure) throw new Error(result.failure);
  const stopped = await control(controlUrl, 'POST', `/recordings/${started.body.id}/stop`);
  const har = (await control(controlUrl, 'GET', `/recordings/${started.body.id}/har`)).body as Har;
  return { har, result, recording: stopped.body };
}
