import { describe, expect, it } from 'vitest';
import type { Endpoints } from '../../main/servers/control/api-types';
import { landscapeOf, matchesFilter } from '../../renderer/src/views/landscape-nodes';

const endpoints: Endpoints = {
  control: { url: 'http://127.0.0.1:4810', credentials: { username: 'control', password: 'c' } },
  serviceManager: { url: 'http://127.0.0.1:4811', admin: { username: 'admin', password: 'a' } },
  platforms: [
    {
      name: 'cf-dev',
      type: 'cloudfoundry',
      id: 'p1',
      url: 'http://127.0.0.1:4812',
      proxyCredentials: { username: 'cf', password: 'p' },
    },
  ],
  sampleBroker: null,
};

describe('landscapeOf', () => {
  it('lays the running servers out as platforms, Service Manager and brokers, each opening its view', () => {
    const landscape = landscapeOf(endpoints);
    expect(landscape.platforms.map((node) => [node.title, node.url, node.view])).toEqual([
      ['cf-dev', 'http://127.0.0.1:4812', 'platforms'],
    ]);
    expect(landscape.serviceManager).toMatchObject({
      url: 'http://127.0.0.1:4811',
      username: 'admin',
      view: 'catalog',
    });
    expect(landscape.brokers).toEqual([]);
    expect(landscape.control.url).toBe('http://127.0.0.1:4810');
  });

  it('has no Service Manager node when it is not running', () => {
    expect(landscapeOf({ ...endpoints, serviceManager: null }).serviceManager).toBeNull();
  });
});

describe('matchesFilter', () => {
  const [platform] = landscapeOf(endpoints).platforms;
  it('matches name, role and URL in any case; an empty filter matches all', () => {
    expect(matchesFilter(platform!, '')).toBe(true);
    expect(matchesFilter(platform!, 'CF-DEV')).toBe(true);
    expect(matchesFilter(platform!, 'cloudfoundry')).toBe(true);
    expect(matchesFilter(platform!, ':4812')).toBe(true);
    expect(matchesFilter(platform!, 'kubernetes')).toBe(false);
  });
});
