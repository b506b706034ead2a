/**
 * The ids of the Landscape's nodes and the edge a captured exchange crossed: the server counts calls by them
 * (GET /api/landscape), the UI lights its lines by them.
 */
export const SERVICE_MANAGER_NODE = 'service-manager';
export const CONTROL_NODE = 'control';
export const platformNode = (name: string) => `platform-${name}`;
export const brokerNode = (name: string) => `broker-${name}`;

export interface LandscapeEdgeEnds {
  from: string;
  to: string;
}

/** What a `traffic.exchange` event says about where the call went (its hop and traffic node names). */
export interface HopEnds {
  hop: string;
  from: string;
  to: string;
  /** Still in flight: the call is counted once, when it ends. */
  pending?: boolean;
  /** The flow was read from a HAR file: no call that crossed this landscape. */
  flow?: { imported?: boolean };
}

const PROXY = 'proxy:';
const BROKER = 'broker:';

/**
 * The edge an ended call crossed: a platform's broker proxy → the SM, or the SM → a broker. Null for a call
 * still in flight, the hop inside a platform (platform → its own proxy), a call from an outside client, and an
 * imported exchange: none of them is a call on a line of the Landscape.
 */
export function landscapeEdgeOf({ hop, from, to, pending, flow }: HopEnds): LandscapeEdgeEnds | null {
  if (pending || flow?.imported) return null;
  if (hop === 'proxy→sm' && from.startsWith(PROXY))
    return { from: platformNode(from.slice(PROXY.length)), to: SERVICE_MANAGER_NODE };
  if (hop === 'sm→broker' && to.startsWith(BROKER))
    return { from: SERVICE_MANAGER_NODE, to: brokerNode(to.slice(BROKER.length)) };
  return null;
}

export const edgeKey = ({ from, to }: LandscapeEdgeEnds) => `${from}|${to}`;
