import type { OsbInfo, OsbOperation } from './types';

type Resource = 'catalog' | 'instance' | 'instanceLastOp' | 'binding' | 'bindingLastOp';

const OPERATIONS: Record<Resource, Partial<Record<string, OsbOperation>>> = {
  catalog: { GET: 'catalog' },
  instance: { PUT: 'provision', PATCH: 'update', DELETE: 'deprovision', GET: 'fetchInstance' },
  instanceLastOp: { GET: 'lastOperation' },
  binding: { PUT: 'bind', DELETE: 'unbind', GET: 'fetchBinding' },
  bindingLastOp: { GET: 'bindingLastOperation' },
};

/** Everything up to `/v2/` is the mount point (a broker URL's own path, or the SM's `/v1/osb/:broker_id`). */
const OSB_PATH =
  /^(?<prefix>.*?)\/v2\/(?:(?<catalog>catalog)|service_instances\/(?<instance>[^/]+)(?:\/service_bindings\/(?<binding>[^/]+))?(?<lastOp>\/last_operation)?)\/?$/;
const SM_OSB_PREFIX = /^\/v1\/osb\/(?<broker>[^/]+)$/;

function decode(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function resourceOf(groups: Record<string, string | undefined>): Resource {
  if (groups.catalog) return 'catalog';
  if (groups.binding) return groups.lastOp ? 'bindingLastOp' : 'binding';
  return groups.lastOp ? 'instanceLastOp' : 'instance';
}

/** The OSB operation of a request from its method and path (query ignored); undefined for anything else. */
export function classifyOsb(method: string, path: string): OsbInfo | undefined {
  const groups = OSB_PATH.exec(path.split('?')[0]!)?.groups;
  if (!groups) return undefined;
  const operation = OPERATIONS[resourceOf(groups)][method.toUpperCase()];
  if (!operation) return undefined;
  const info: OsbInfo = { operation };
  const instanceId = decode(groups.instance);
  const bindingId = decode(groups.binding);
  const brokerId = decode(SM_OSB_PREFIX.exec(groups.prefix ?? '')?.groups?.broker);
  if (instanceId) info.instanceId = instanceId;
  if (bindingId) info.bindingId = bindingId;
  if (brokerId) info.brokerId = brokerId;
  return info;
}

/** The platform a hop speaks for, from its node names: `cf-dev`→`proxy:cf-dev`, `proxy:cf-dev`→`sm`. */
export function platformOfNodes(from: string, to: string): string | undefined {
  for (const node of [from, to]) if (node.startsWith('proxy:')) return node.slice('proxy:'.length);
  return undefined;
}
