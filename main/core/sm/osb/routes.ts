import type { OsbMethod, OsbOperationName } from './types';

export interface OsbRoute {
  operation: OsbOperationName;
  method: OsbMethod;
  instanceId?: string;
  bindingId?: string;
}

const INSTANCE = '/service_instances/([^/]+)';
const BINDING = `${INSTANCE}/service_bindings/([^/]+)`;

const table: Array<[OsbMethod, RegExp, OsbOperationName]> = [
  ['GET', /^\/catalog$/, 'fetchCatalog'],
  ['PUT', new RegExp(`^${INSTANCE}$`), 'provision'],
  ['PATCH', new RegExp(`^${INSTANCE}$`), 'update'],
  ['DELETE', new RegExp(`^${INSTANCE}$`), 'deprovision'],
  ['GET', new RegExp(`^${INSTANCE}$`), 'fetchInstance'],
  ['GET', new RegExp(`^${INSTANCE}/last_operation$`), 'pollInstance'],
  ['PUT', new RegExp(`^${BINDING}$`), 'bind'],
  ['DELETE', new RegExp(`^${BINDING}$`), 'unbind'],
  ['GET', new RegExp(`^${BINDING}$`), 'fetchBinding'],
  ['GET', new RegExp(`^${BINDING}/last_operation$`), 'pollBinding'],
];

function decode(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The OSB endpoint a method and path (below `/v2`) name, or undefined. */
export function matchRoute(method: string, path: string): OsbRoute | undefined {
  for (const [routeMethod, pattern, operation] of table) {
    if (routeMethod !== method) continue;
    const match = pattern.exec(path);
    if (!match) continue;
    const instanceId = decode(match[1]);
    const bindingId = decode(match[2]);
    if ((match[1] && !instanceId) || (match[2] && !bindingId)) return undefined;
    return { operation, method: routeMethod, instanceId, bindingId };
  }
  return undefined;
}
