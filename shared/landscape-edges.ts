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

/** What an exchange says about where it went (its hop and traffic node names). */
export interface HopEnds {
  hop: string;
  from: string;
  to: string;
}

const PROXY = 'proxy:';
const BROKER = 'broker:';

/**
 * The edge an exchange crossed: a platform's broker proxy → the SM, or the SM → a broker. Null for the hop
 * inside a platform (platform → its own proxy), a call from an outside client, or an exchange imported from
 * another tool: none of them is a line of the Landscape.
 */
export function landscapeEdgeOf({ hop, from, to }: HopEnds): LandscapeEdgeEnds | null {
  if (hop === 'proxy→sm' && from.startsWith(PROXY))
    return { from: platformNode(from.slice(PROXY.length)), to: SERVICE_MANAGER_NODE };
  if (hop === 'sm→broker' && to.startsWith(BROKER))
    return { from: SERVICE_MANAGER_NODE, to: brokerNode(to.slice(BROKER.length)) };
  return null;
}

export const edgeKey = ({ from, to }: LandscapeEdgeEnds) => `${from}|${to}`;
