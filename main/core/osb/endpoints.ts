import { type OsbMethod, type OsbOperation, osbOperations } from '../../../shared/osb-operations';

export interface OsbEndpoint {
  method: OsbMethod;
  /** Below `/v2`; `:instance_id` and `:binding_id` stand for one path segment each (Express's syntax). */
  path: string;
}

const INSTANCE = '/service_instances/:instance_id';
const BINDING = `${INSTANCE}/service_bindings/:binding_id`;

/** The endpoint of every OSB operation. */
export const osbEndpoints: Readonly<Record<OsbOperation, OsbEndpoint>> = {
  catalog: { method: 'GET', path: '/catalog' },
  provision: { method: 'PUT', path: INSTANCE },
  update: { method: 'PATCH', path: INSTANCE },
  deprovision: { method: 'DELETE', path: INSTANCE },
  fetchInstance: { method: 'GET', path: INSTANCE },
  lastOperation: { method: 'GET', path: `${INSTANCE}/last_operation` },
  bind: { method: 'PUT', path: BINDING },
  unbind: { method: 'DELETE', path: BINDING },
  fetchBinding: { method: 'GET', path: BINDING },
  bindingLastOperation: { method: 'GET', path: `${BINDING}/last_operation` },
};

/** The OSB endpoint a request names, with its ids percent-decoded. */
export interface OsbRoute {
  operation: OsbOperation;
  method: OsbMethod;
  instanceId?: string;
  bindingId?: string;
}

export interface DecodeOptions {
  /**
   * Keep an id that is not valid percent-encoding as it was sent (a capture describes what went over the
   * wire) instead of naming no endpoint (what the SM answers with 404).
   */
  keepMalformedIds?: boolean;
}

const matchers = osbOperations.map((operation) => {
  const { method, path } = osbEndpoints[operation];
  const pattern = new RegExp(`^${path.replace(/:(instance_id|binding_id)/g, '(?<$1>[^/]+)')}$`);
  return { operation, method, pattern };
});

/** A path segment percent-decoded; undefined when it is not valid percent-encoding. */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The OSB endpoint of a method (upper case) and a path below `/v2` (no query), or undefined. */
export function decodeOsbPath(
  method: string,
  path: string,
  options: DecodeOptions = {},
): OsbRoute | undefined {
  for (const { operation, method: routeMethod, pattern } of matchers) {
    if (routeMethod !== method) continue;
    const match = pattern.exec(path);
    if (!match) continue;
    const route: OsbRoute = { operation, method: routeMethod };
    const segments = { instanceId: match.groups?.instance_id, bindingId: match.groups?.binding_id };
    for (const key of ['instanceId', 'bindingId'] as const) {
      const segment = segments[key];
      if (segment === undefined) continue;
      const id = decodeSegment(segment) ?? (options.keepMalformedIds ? segment : undefined);
      if (id === undefined) return undefined;
      route[key] = id;
    }
    return route;
  }
  return undefined;
}
