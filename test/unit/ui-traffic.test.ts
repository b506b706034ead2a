import { describe, expect, it } from 'vitest';
import type { FlowSummary } from '../../main/traffic/types';
import { edgeOf, nodeOf, statusClass } from '../../renderer/src/edges';
import { useLive } from '../../renderer/src/model/live';
import { curlOf } from '../../renderer/src/traffic/curl';
import { NO_FILTERS, queryOf } from '../../renderer/src/traffic/flow-query';
import { filterShown } from '../../renderer/src/traffic/local-filter';
import { prettyBody } from '../../renderer/src/traffic/pretty-body';
import { callCounts, LIT_MS, landscapeConnectors } from '../../renderer/src/views/landscape-edges';
import type { Landscape, LandscapeNode } from '../../renderer/src/views/landscape-nodes';

const exchange = (from: string, to: string, status: number | null, at = '2026-01-01T00:00:00.000Z') => ({
  id: 1,
  type: 'traffic.exchange',
  at,
  data: { from, to, status },
});

describe('landscape edges', () => {
  it('maps traffic node names to landscape nodes (a proxy belongs to its platform)', () => {
    expect(nodeOf('cf-dev')).toBe('platform-cf-dev');
    expect(nodeOf('proxy:cf-dev')).toBe('platform-cf-dev');
    expect(nodeOf('sm')).toBe('service-manager');
    expect(nodeOf('broker:sample')).toBe('sample-broker');
    expect(nodeOf('client')).toBeNull();
  });

  it('keeps the edges that cross nodes, not the hop inside a platform', () => {
    expect(edgeOf(exchange('cf-dev', 'proxy:cf-dev', 201))).toBeNull();
    expect(edgeOf(exchange('proxy:cf-dev', 'sm', 201))?.key).toBe('platform-cf-dev|service-manager');
    expect(edgeOf({ ...exchange('sm', 'broker:sample', 201), type: 'other' })).toBeNull();
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

  it('lights an edge for LIT_MS after the last call across it, either way, and counts calls per node', () => {
    useLive.setState({ edges: {} });
    useLive.getState().receive([exchange('proxy:cf-dev', 'sm', 201), exchange('sm', 'broker:sample', 500)]);
    const hits = useLive.getState().edges;
    const node = (id: string): LandscapeNode => ({ id, title: id, role: '', url: '', view: 'landscape' });
    const landscape: Landscape = {
      control: node('control'),
      platforms: [node('platform-cf-dev'), node('platform-k8s-dev')],
      serviceManager: node('service-manager'),
      brokers: [node('sample-broker')],
    };
    const at = Date.parse('2026-01-01T00:00:00.000Z');
    const classes = (now: number) => landscapeConnectors(landscape, hits, now).map((edge) => edge.className);
    expect(classes(at + 10)).toEqual(['edge edge-lit edge-ok', 'edge', 'edge edge-lit edge-error']);
    expect(classes(at + LIT_MS)).toEqual(['edge', 'edge', 'edge']);
    expect(callCounts(hits)).toEqual({ 'platform-cf-dev': 1, 'service-manager': 2, 'sample-broker': 1 });
  });
});

describe('traffic helpers', () => {
  it('writes the filters that are set as the flows query', () => {
    expect(queryOf({ ...NO_FILTERS, text: ' db 1 ', status: '5xx' }, { limit: 100 })).toBe(
      'text=db+1&status=5xx&limit=100',
    );
    expect(queryOf(NO_FILTERS)).toBe('');
  });

  it('writes a hop request as curl, quoting and leaving out what curl sets itself', () => {
    const curl = curlOf({
      method: 'PUT',
      url: 'http://h/v2/service_instances/1',
      request: { headers: { 'content-type': 'application/json', host: 'h' }, body: `{"a":"it's"}`, size: 12 },
    });
    expect(curl).toBe(
      `curl -X PUT 'http://h/v2/service_instances/1' -H 'content-type: application/json' --data-raw '{"a":"it'\\''s"}'`,
    );
  });

  it('indents JSON bodies and leaves the others as they are', () => {
    expect(prettyBody('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyBody('not json')).toBe('not json');
    expect(prettyBody(undefined)).toBe('');
  });

  it('keeps, while the server answers, only the shown rows that surely match the new filters', () => {
    const flow = (id: string, operation: FlowSummary['operation'], status: number | null): FlowSummary => ({
      id,
      seq: 1,
      startedAt: '',
      operation,
      status,
      outcome: 'succeeded',
      durationMs: 1,
      hopCount: 1,
      hasNotes: false,
      platform: 'cf-dev',
      instanceId: `instance-${id}`,
    });
    const flows = [flow('a', 'provision', 201), flow('b', 'bind', 500), flow('c', 'provision', null)];
    const ids = (filters: typeof NO_FILTERS) => filterShown(flows, filters).map((shown) => shown.id);
    expect(ids({ ...NO_FILTERS, text: 'PROV' })).toEqual(['a', 'c']);
    expect(ids({ ...NO_FILTERS, status: '5xx' })).toEqual(['b']);
    expect(ids({ ...NO_FILTERS, status: 'error' })).toEqual(['c']);
    expect(ids({ ...NO_FILTERS, text: 'instance-b' })).toEqual(['b']);
    expect(ids({ ...NO_FILTERS, platform: 'k8s-dev' })).toEqual([]);
  });
});
