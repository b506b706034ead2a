import { Router } from 'express';
import {
  brokerNode,
  CONTROL_NODE,
  platformNode,
  SERVICE_MANAGER_NODE,
} from '../../../shared/landscape-edges';
import type { ServiceManager } from '../../core/sm/service-manager';
import {
  type EdgeStats,
  type EdgeStatsView,
  LATENCY_SAMPLES,
  RATE_WINDOW_SECONDS,
} from '../../traffic/edge-stats';
import type { Endpoints } from './endpoints';

export interface LandscapeNodeView {
  id: string;
  kind: 'control' | 'platform' | 'service-manager' | 'broker';
  name: string;
  url: string;
  /** The user a client authenticates as, when the server asks for one. */
  username?: string;
  /** A platform's type: cloudfoundry, kubernetes. */
  type?: string;
  /** The broker is the built-in sample broker. */
  sample?: boolean;
}

/** What `GET /api/landscape` answers: the running servers and the SM's brokers, and the calls on each edge. */
export interface LandscapeView {
  nodes: LandscapeNodeView[];
  /** Every platform → the SM and the SM → every broker, counted or not. */
  edges: EdgeStatsView[];
  rateWindowSeconds: number;
  latencySamples: number;
}

export interface LandscapeSources {
  endpoints: () => Endpoints;
  sm: ServiceManager;
  stats: EdgeStats;
}

export function landscapeView({ endpoints, sm, stats }: LandscapeSources): LandscapeView {
  const { control, serviceManager, platforms, sampleBroker } = endpoints();
  const nodes: LandscapeNodeView[] = [
    { id: CONTROL_NODE, kind: 'control', name: 'control', url: control.url },
    ...platforms.map((platform) => ({
      id: platformNode(platform.name),
      kind: 'platform' as const,
      name: platform.name,
      url: platform.url,
      username: platform.proxyCredentials.username,
      type: platform.type,
    })),
  ];
  const counting = { rateWindowSeconds: RATE_WINDOW_SECONDS, latencySamples: LATENCY_SAMPLES };
  if (!serviceManager) return { nodes, edges: [], ...counting };
  nodes.push({
    id: SERVICE_MANAGER_NODE,
    kind: 'service-manager',
    name: 'Service Manager',
    url: serviceManager.url,
    username: serviceManager.admin.username,
  });
  const brokers = sm.store.state.brokers.map((broker) => ({
    id: brokerNode(broker.name),
    kind: 'broker' as const,
    name: broker.name,
    url: broker.broker_url,
    username: broker.credentials.basic.username,
    ...(broker.broker_url === sampleBroker?.url ? { sample: true } : {}),
  }));
  nodes.push(...brokers);
  const now = Date.now();
  const edges = [
    ...platforms.map((platform) =>
      stats.view({ from: platformNode(platform.name), to: SERVICE_MANAGER_NODE }, now),
    ),
    ...brokers.map((broker) => stats.view({ from: SERVICE_MANAGER_NODE, to: broker.id }, now)),
  ];
  return { nodes, edges, ...counting };
}

/** `GET /api/landscape`: counted on the server, so every tab and a reload show the same numbers. */
export function landscapeRouter(sources: LandscapeSources): Router {
  return Router().get('/', (_req, res) => {
    res.json(landscapeView(sources));
  });
}
