import { describe, expect, it } from 'vitest';
import type { EdgeStatsView, LandscapeView } from '../../main/servers/control/api-types';
import { edgeOf, statusClass } from '../../renderer/src/edges';
import { useLive } from '../../renderer/src/model/live';
import {
  formatLatency,
  formatRate,
  LIT_MS,
  landscapeConnectors,
  serviceManagerCalls,
} from '../../renderer/src/views/landscape-edges';
import { landscapeOf, matchesFilter } from '../../renderer/src/views/landscape-nodes';

const AT = '2026-01-01T00:00:00.000Z';
const exchange = (hop: string, from: string, to: string, status: number | null, extra: object = {}) => ({
  id: 1,
  type: 'traffic.exchange',
  at: AT,
  data: { hop, from, to, status, ...extra },
});

const stats = (from: string, to: string, total: number, last?: EdgeStatsView['last']): EdgeStatsView => ({
  from,
  to,
  total,
  errors: 0,
  refused: 0,
  p50Ms: total ? 8 : null,
  ratePerSecond: 0,
  ...(last ? { last } : {}),
});

const answer: LandscapeView = {
  nodes: [
    { id: 'control', kind: 'control', name: 'control', url: 'http://127.0.0.1:4810' },
    {
      id: 'platform-cf-dev',
      kind: 'platform',
      name: 'cf-dev',
      type: 'cloudfoundry',
      url: 'http://127.0.0.1:4812',
      username: 'cf',
    },
    {
      id: 'service-manager',
      kind: 'service-manager',
      name: 'Service Manager',
      url: 'http://127.0.0.1:4811',
      username: 'admin',
    },
    { id: 'broker-sample', kind: 'broker', name: 'sample', url: 'http://127.0.0.1:4820', sample: true },
    { id: 'broker-mine', kind: 'broker', name: 'mine', url: 'http://127.0.0.1:9000', username: 'u' },
  ],
  edges: [
    stats('platform-cf-dev', 'service-manager', 3),
    stats('service-manager', 'broker-sample', 2, { status: 500, at: AT }),
    stats('service-manager', 'broker-mine', 1),
  ],
  rateWindowSeconds: 5,
  latencySamples: 256,
};

describe('the landscape of GET /api/landscape', () => {
  it('lays the nodes out as platforms, Service Manager and brokers, each with its edge and view', () => {
    const landscape = landscapeOf(answer);
    expect(landscape.platforms.map((node) => [node.title, node.role, node.view, node.edge?.total])).toEqual([
      ['cf-dev', 'cloudfoundry platform · broker proxy', 'platforms', 3],
    ]);
    expect(landscape.serviceManager).toMatchObject({ username: 'admin', view: 'catalog' });
    expect(landscape.serviceManager?.edge).toBeUndefined();
    expect(landscape.brokers.map((node) => [node.title, node.role, node.view, node.edge?.total])).toEqual([
      ['sample', 'built-in sample broker', 'faults', 2],
      ['mine', 'registered broker', 'catalog', 1],
    ]);
    expect(landscape.control.url).toBe('http://127.0.0.1:4810');
    expect(serviceManagerCalls(landscape.edges)).toEqual({ fromPlatforms: 3, toBrokers: 3 });
  });

  it('has no Service Manager node when it is not running', () => {
    const without = { ...answer, nodes: answer.nodes.filter((node) => node.kind !== 'service-manager') };
    expect(landscapeOf(without).serviceManager).toBeNull();
  });

  it('filters on name, role and URL in any case; an empty filter matches all', () => {
    const [platform] = landscapeOf(answer).platforms;
    expect(
      ['', 'CF-DEV', 'cloudfoundry', ':4812', 'kubernetes'].map((text) => matchesFilter(platform!, text)),
    ).toEqual([true, true, true, true, false]);
  });
});

describe('landscape edges', () => {
  it('keeps the ended hops that cross nodes, not the hop inside a platform nor one in flight', () => {
    expect(edgeOf(exchange('platform→proxy', 'cf-dev', 'proxy:cf-dev', 201))).toBeNull();
    expect(edgeOf(exchange('proxy→sm', 'proxy:cf-dev', 'sm', 201))?.key).toBe(
      'platform-cf-dev|service-manager',
    );
    expect(edgeOf(exchange('sm→broker', 'sm', 'broker:sample', 201))?.key).toBe(
      'service-manager|broker-sample',
    );
    expect(edgeOf(exchange('sm→broker', 'sm', 'broker:sample', null, { pending: true }))).toBeNull();
    expect(edgeOf({ ...exchange('sm→broker', 'sm', 'broker:sample', 201), type: 'other' })).toBeNull();
  });

  it('colours by status class, no answer as an error', () => {
    expect([201, 409, 500, null, undefined].map(statusClass)).toEqual([
      'ok',
      'warn',
      'error',
      'error',
      'none',
    ]);
  });

  it('lights an edge for LIT_MS after the last call the page saw or the server counted', () => {
    useLive.setState({ edges: {} });
    useLive.getState().receive([exchange('proxy→sm', 'proxy:cf-dev', 'sm', 201)]);
    const landscape = landscapeOf(answer);
    const at = Date.parse(AT);
    const classes = (now: number) =>
      landscapeConnectors(landscape, useLive.getState().edges, now).map((edge) => edge.className);
    expect(classes(at + 10)).toEqual(['edge edge-lit edge-ok', 'edge edge-lit edge-error', 'edge']);
    expect(classes(at + LIT_MS)).toEqual(['edge', 'edge', 'edge']);
  });

  it('writes rates and latencies as a person reads them', () => {
    expect([0, 1.25, 12].map(formatRate)).toEqual(['0/s', '1.3/s', '12/s']);
    expect([null, 7.6, 1234].map(formatLatency)).toEqual(['—', '8 ms', '1.2 s']);
  });
});
