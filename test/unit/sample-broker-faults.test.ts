import { describe, expect, it } from 'vitest';
import {
  type Fault,
  FaultRegistry,
  faultInputSchema,
  RequestLog,
  redactHeaders,
  SAMPLE_IDS,
} from '../../main/core/sample-broker';

const PLAN = SAMPLE_IDS.db.small;

describe('FaultRegistry', () => {
  it('matches by operation and plan, sums latency and picks the oldest answering fault', () => {
    const registry = new FaultRegistry();
    registry.add({ kind: 'latency', latencyMs: 100 });
    registry.add({ kind: 'latency', latencyMs: 50, operations: ['bind'] });
    const status = registry.add({ kind: 'status', status: 500, planId: PLAN });
    registry.add({ kind: 'down' });

    const catalog = registry.forRequest('catalog', undefined);
    expect(catalog.latencyMs).toBe(100);
    expect(catalog.action?.kind).toBe('down');
    const bind = registry.forRequest('bind', PLAN);
    expect(bind.latencyMs).toBe(150);
    expect(bind.action?.id).toBe(status.id);
  });

  it('counts down `times`, removes exhausted faults and reports every change', () => {
    const changes: Fault[][] = [];
    const registry = new FaultRegistry((faults) => changes.push(faults));
    registry.add({ kind: 'status', status: 503, times: 2 });
    registry.forRequest('provision', PLAN);
    expect(registry.list()[0]?.remaining).toBe(1);
    registry.forRequest('provision', PLAN);
    expect(registry.list()).toEqual([]);
    expect(changes.map((faults) => faults.length)).toEqual([1, 1, 0]);
  });

  it('gives failLastOperation only to failureFor, never to a request', () => {
    const registry = new FaultRegistry();
    registry.add({ kind: 'failLastOperation', operations: ['bind'], description: 'No quota.' });
    expect(registry.forRequest('bind', PLAN)).toEqual({ latencyMs: 0 });
    expect(registry.failureFor('provision', PLAN)).toBeUndefined();
    expect(registry.failureFor('bind', PLAN)).toBe('No quota.');
  });

  it('reports remove and clear, and nothing for no-ops', () => {
    const changes: Fault[][] = [];
    const registry = new FaultRegistry((faults) => changes.push(faults));
    const fault = registry.add({ kind: 'timeout' });
    expect(registry.remove('nope')).toBe(false);
    expect(registry.remove(fault.id)).toBe(true);
    registry.clear();
    expect(changes).toHaveLength(2);
  });
});

describe('faultInputSchema', () => {
  it('accepts each kind with its fields and refuses fields of another kind', () => {
    for (const input of [
      { kind: 'latency', latencyMs: 10 },
      { kind: 'status', status: 409, error: 'Conflict', operations: ['provision'] },
      { kind: 'timeout', planId: PLAN },
      { kind: 'malformed', status: 201 },
      { kind: 'failLastOperation', operations: ['deprovision'] },
      { kind: 'down', times: 3 },
    ]) {
      expect(faultInputSchema.safeParse(input).success, JSON.stringify(input)).toBe(true);
    }
    expect(faultInputSchema.safeParse({ kind: 'down', latencyMs: 5 }).success).toBe(false);
    expect(faultInputSchema.safeParse({ kind: 'malformed', status: 500 }).success).toBe(false);
  });

  it('takes a plan scope, several operations and an OSB error with its description', () => {
    const input = {
      kind: 'status',
      status: 422,
      error: 'MaintenanceInfoConflict',
      description: 'The maintenance_info does not match.',
      planId: PLAN,
      operations: ['provision', 'update'],
    };
    expect(faultInputSchema.parse(input)).toEqual(input);
    const registry = new FaultRegistry();
    registry.add(faultInputSchema.parse(input));
    expect(registry.forRequest('update', PLAN).action).toMatchObject({ error: 'MaintenanceInfoConflict' });
    expect(registry.forRequest('bind', PLAN).action).toBeUndefined();
    expect(registry.forRequest('provision', SAMPLE_IDS.db.large).action).toBeUndefined();
  });

  it('says why a malformed status or an OSB error on a success is refused', () => {
    const messages = (input: unknown) => {
      const parsed = faultInputSchema.safeParse(input);
      return parsed.success
        ? []
        : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(messages({ kind: 'malformed', status: 500 })).toEqual([
      expect.stringMatching(/^status: must be a 2xx success status: a malformed fault corrupts/),
    ]);
    expect(messages({ kind: 'status', status: 200, error: 'Conflict' })).toEqual([
      'error: goes with an error status (400–599) only; a success answer carries no OSB error code',
    ]);
    expect(messages({ kind: 'status', status: 409, error: 'Conflict' })).toEqual([]);
  });
});

describe('RequestLog', () => {
  it('keeps the most recent entries, newest first, with secret headers redacted', () => {
    const log = new RequestLog(2);
    for (const path of ['/a', '/b', '/c']) {
      log.start({
        at: '',
        method: 'GET',
        path,
        query: {},
        headers: redactHeaders({ Authorization: 'Basic x', Cookie: 'c', accept: '*/*' }),
        body: undefined,
      });
    }
    const entries = log.recent();
    expect(entries.map((entry) => entry.path)).toEqual(['/c', '/b']);
    expect(entries[0]?.headers).toEqual({ authorization: '[redacted]', cookie: '[redacted]', accept: '*/*' });
    expect(log.recent(1)).toHaveLength(1);
  });
});
