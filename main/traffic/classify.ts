import { decodeOsbPath, decodeSegment } from '../core/osb/endpoints';
import type { OsbInfo } from './types';

const SM_OSB_PREFIX = /^\/v1\/osb\/(?<broker>[^/]+)$/;

/**
 * The OSB operation of a request from its method and path (query ignored); undefined for anything else.
 * Everything up to `/v2/` is the mount point (a broker URL's own path, or the SM's `/v1/osb/:broker_id`);
 * one trailing slash is ignored.
 */
export function classifyOsb(method: string, path: string): OsbInfo | undefined {
  const withoutQuery = path.split('?')[0]!;
  for (let at = withoutQuery.indexOf('/v2/'); at >= 0; at = withoutQuery.indexOf('/v2/', at + 1)) {
    const below = withoutQuery.slice(at + '/v2'.length).replace(/\/$/, '');
    const route = decodeOsbPath(method.toUpperCase(), below, { keepMalformedIds: true });
    if (!route) continue;
    const info: OsbInfo = { operation: route.operation };
    const broker = SM_OSB_PREFIX.exec(withoutQuery.slice(0, at))?.groups?.broker;
    const brokerId = broker && (decodeSegment(broker) ?? broker);
    if (route.instanceId) info.instanceId = route.instanceId;
    if (route.bindingId) info.bindingId = route.bindingId;
    if (brokerId) info.brokerId = brokerId;
    return info;
  }
  return undefined;
}

/** The SM's name of a broker, by its id; undefined for an id the SM does not know. */
export type BrokerNames = (brokerId: string) => string | undefined;

/**
 * The broker's name for an exchange that carries only its SM id (a call to `/v1/osb/:broker_id/…`, which
 * may stop at the SM and never reach a `broker:<name>` node), so every hop names its broker the same way.
 */
export function withBrokerName(info: OsbInfo, names: BrokerNames | undefined): OsbInfo {
  if (info.broker || !info.brokerId || !names) return info;
  const broker = names(info.brokerId);
  return broker ? { ...info, broker } : info;
}

/** The platform a hop speaks for, from its node names: `cf-dev`→`proxy:cf-dev`, `proxy:cf-dev`→`sm`. */
export function platformOfNodes(from: string, to: string): string | undefined {
  for (const node of [from, to]) if (node.startsWith('proxy:')) return node.slice('proxy:'.length);
  return undefined;
}
