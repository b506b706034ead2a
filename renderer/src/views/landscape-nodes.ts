import type { Endpoints } from '../../../main/servers/control/api-types';
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
}

export interface Landscape {
  control: LandscapeNode;
  platforms: LandscapeNode[];
  serviceManager: LandscapeNode | null;
  brokers: LandscapeNode[];
}

/** The running servers of `/api/endpoints`, laid out as the landscape shows them: platforms → SM → brokers. */
export function landscapeOf(endpoints: Endpoints): Landscape {
  const { control, serviceManager, platforms, sampleBroker } = endpoints;
  return {
    control: {
      id: 'control',
      title: 'Control server',
      role: 'UI and /api',
      url: control.url,
      view: 'traffic',
    },
    platforms: platforms.map((platform) => ({
      id: `platform-${platform.name}`,
      title: platform.name,
      role: `${platform.type} platform · broker proxy`,
      url: platform.url,
      username: platform.proxyCredentials.username,
      view: 'platforms',
    })),
    serviceManager: serviceManager && {
      id: 'service-manager',
      title: 'Service Manager',
      role: 'registry · OSB proxy',
      url: serviceManager.url,
      username: serviceManager.admin.username,
      view: 'catalog',
    },
    brokers: sampleBroker
      ? [
          {
            id: 'sample-broker',
            title: 'Sample broker',
            role: 'built-in OSB broker',
            url: sampleBroker.url,
            username: sampleBroker.credentials.username,
            view: 'faults',
          },
        ]
      : [],
  };
}

/** Whether a node matches the filter text (name, role or URL, any case). */
export function matchesFilter(node: LandscapeNode, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  return !needle || [node.title, node.role, node.url].some((text) => text.toLowerCase().includes(needle));
}
