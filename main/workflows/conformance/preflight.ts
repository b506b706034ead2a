import { OsbClient } from './client';
import type { CheckOptions } from './types';

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * One GET /v2/catalog with the run's credentials before any check: the sentence to show instead of a report
 * when the broker cannot be checked at all (no answer, or 401 to these credentials), else undefined.
 */
export async function brokerUnusable(
  options: Pick<CheckOptions, 'brokerUrl' | 'username' | 'password' | 'apiVersion' | 'timeoutMs' | 'fetch'>,
): Promise<string | undefined> {
  const client = new OsbClient({
    brokerUrl: options.brokerUrl,
    username: options.username,
    password: options.password,
    apiVersion: options.apiVersion ?? '2.17',
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const reply = await client.send({ method: 'GET', path: '/v2/catalog' });
  const { outcome } = reply.exchange;
  if (outcome === 'unreachable') {
    return `cannot reach the broker at ${options.brokerUrl} ${reply.failure?.replace(/^unreachable /, '')}`;
  }
  if (outcome === 'timeout') return `cannot reach the broker at ${options.brokerUrl} (${reply.failure})`;
  if (reply.status === 401) {
    return `the broker at ${options.brokerUrl} answered 401 to user "${options.username}": check --broker-username and --broker-password (or SMSIM_BROKER_PASSWORD)`;
  }
  return undefined;
}
