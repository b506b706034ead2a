import { randomBytes } from 'node:crypto';
import type { PlanRef } from './catalog';

export interface GeneratedCredentials {
  credentials: Record<string, unknown>;
  syslogDrainUrl: string | null;
}

const secret = () => randomBytes(18).toString('base64url');

/** Fresh, fake but well-formed credentials for a new binding (hosts under the reserved `.invalid` TLD). */
export function generateCredentials(
  ref: PlanRef,
  instanceId: string,
  bindingId: string,
  parameters: Record<string, unknown>,
): GeneratedCredentials {
  const username = `u_${bindingId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 12)}`;
  const password = secret();
  if (ref.behaviour.requiresApp) {
    return {
      credentials: { endpoint: `https://agent.${ref.service.name}.invalid/v1`, token: password },
      syslogDrainUrl: `syslog-tls://drain.${ref.service.name}.invalid:6514/${bindingId}`,
    };
  }
  const hostname = `${instanceId.slice(0, 8)}.${ref.service.name}.invalid`;
  const database = `db_${instanceId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 12)}`;
  const role = typeof parameters.role === 'string' ? parameters.role : undefined;
  return {
    credentials: {
      uri: `sample://${username}:${password}@${hostname}:5432/${database}`,
      hostname,
      port: 5432,
      database,
      username,
      password,
      ...(role ? { role } : {}),
    },
    syslogDrainUrl: null,
  };
}
