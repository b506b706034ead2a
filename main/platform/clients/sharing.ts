import { type BasicCredentials, basicAuthHeader } from '../../traffic/basic-auth';
import type { ActionResult } from '../actions';

/** Shares or unshares one of the platform's instances in the SM. */
export type ShareInstance = (id: string, shared: boolean) => Promise<ActionResult>;

/**
 * `PATCH /v1/service_instances/:id {"shared": …}` with the platform's own SM credentials (the SM lets a
 * platform do that for its own instances only). The SM's refusals come back with their status.
 */
export function smShareClient(
  smUrl: string,
  credentials: () => BasicCredentials,
  timeoutMs: number,
): ShareInstance {
  return async (id, shared) => {
    const response = await fetch(`${smUrl}/v1/service_instances/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      headers: { Authorization: basicAuthHeader(credentials()), 'Content-Type': 'application/json' },
      body: JSON.stringify({ shared }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return { status: response.status, body };
    const said = typeof body.description === 'string' ? body.description : `answered ${response.status}`;
    return {
      status: response.status,
      body: { ...body, description: `The Service Manager refused: ${said}` },
    };
  };
}
