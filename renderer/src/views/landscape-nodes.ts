import type {
  EdgeStatsView,
  LandscapeNodeView,
  LandscapeView,
} from '../../../main/servers/control/api-types';
import type { ViewId } from '../navigation';

export interface LandscapeNode {
  id: string;
  title: string;
  role: string;
  url: string;
  /** The user a client authenticates as, when the server asks for one. */
  username?: string;
  /** The view that clicking the node opens. */
  view: ViewId;
  /** A platform's calls to the SM, or a broker's calls from it. */
  edge?: EdgeStatsView;
}

export interface Landscape {
  control: LandscapeNode;
  platforms: LandscapeNode[];
  serviceManager: LandscapeNode | null;
  brokers: LandscapeNode[];
  /** The edges platform → SM and SM → broker, with the calls on each. */
  edges: EdgeStatsView[];
  rateWindowSeconds: number;
}

function nodeOf(node: LandscapeNodeView, edge?: EdgeStatsView): LandscapeNode {
  const { id, url, username } = node;
  const base = { id, url, ...(username ? { username } : {}), ...(edge ? { edge } : {}) };
  switch (node.kind) {
    case 'control':
      return { ...base, title: 'Control server', role: 'UI and /api', view: 'traffic' };
    case 'platform':
      return { ...base, title: node.name, role: `${node.type} platform · broker proxy`, view: 'platforms' };
    case 'service-manager':
      return { ...base, title: 'Service Manager', role: 'registry · OSB proxy', view: 'catalog' };
    case 'broker':
      return node.sample
        ? { ...base, title: node.name, role: 'built-in sample broker', view: 'faults' }
        : { ...base, title: node.name, role: 'registered broker', view: 'catalog' };
  }
}

/** The answer of `GET /api/landscape`, laid out as the Landscape shows it: platforms → SM → brokers. */
export function landscapeOf(view: LandscapeView): Landscape {
  const edgeOf = (id: string) => view.edges.find((edge) => edge.from === id || edge.to === id);
  const ofKind = (kind: LandscapeNodeView['kind']) =>
    view.nodes.filter((node) => node.kind === kind).map((node) => nodeOf(node, edgeOf(node.id)));
  const sm = view.nodes.find((node) => node.kind === 'service-manager');
  return {
    control: ofKind('control')[0]!,
    platforms: ofKind('platform'),
    serviceManager: sm ? nodeOf(sm) : null,
    brokers: ofKind('broker'),
    edges: view.edges,
    rateWindowSeconds: view.rateWindowSeconds,
  };
}

/** Whether a node matches the filter text (name, role or URL, any case). */
export function matchesFilter(node: LandscapeNode, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  return !needle || [node.title, node.role, node.url].some((text) => text.toLowerCase().includes(needle));
}
