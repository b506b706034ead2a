import { describe, expect, it } from 'vitest';
import type { FlowSummary } from '../../main/traffic/types';
import { curlOf } from '../../renderer/src/traffic/curl';
import { NO_FILTERS, queryOf } from '../../renderer/src/traffic/flow-query';
import { filterShown } from '../../renderer/src/traffic/local-filter';
import { prettyBody } from '../../renderer/src/traffic/pretty-body';

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
