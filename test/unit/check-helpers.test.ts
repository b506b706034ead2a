import { describe, expect, it } from 'vitest';
import type { Reply } from '../../main/workflows/conformance/client';
import { CHECKS } from '../../main/workflows/conformance/definitions';
import { classifyCreate } from '../../main/workflows/conformance/lifecycle';
import {
  asyncCandidates,
  bindablePlan,
  plansNamed,
  plansOf,
  syncCandidates,
} from '../../main/workflows/conformance/plans';
import { evidenceBody } from '../../main/workflows/conformance/redact';
import { violatingParameters } from '../../main/workflows/conformance/violation';

function reply(status: number | null, text = '{}'): Reply {
  let body: unknown;
  let isJson = true;
  try {
    body = JSON.parse(text);
  } catch {
    isJson = false;
  }
  return {
    exchange: {
      method: 'PUT',
      url: 'http://127.0.0.1:1/v2/service_instances/i-1',
      requestHeaders: {},
      status,
      responseHeaders: {},
      outcome: status === null ? 'timeout' : 'answered',
      at: '2026-01-01T00:00:00.000Z',
      durationMs: 1,
    },
    status,
    headers: {},
    body,
    isJson,
    text,
    ...(status === null ? { failure: 'no answer within 5 ms' } : {}),
  };
}

describe('check: reading a create answer as a platform does', () => {
  it('tells done, accepted, refused and failed (the ones that need orphan mitigation) apart', () => {
    expect(classifyCreate(reply(201)).kind).toBe('done');
    expect(classifyCreate(reply(202, '{"operation":"op-1"}'))).toMatchObject({
      kind: 'accepted',
      operation: 'op-1',
    });
    expect(classifyCreate(reply(409)).kind).toBe('refused');
    expect(classifyCreate(reply(500))).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/answered 500/),
    });
    expect(classifyCreate(reply(null))).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/no answer/),
    });
    expect(classifyCreate(reply(201, '{"cut'))).toMatchObject({
      kind: 'failed',
      reason: "PUT /v2/service_instances/i-1: the 201 answer's body is not valid JSON",
    });
    expect(classifyCreate(reply(204, '')).kind).toBe('failed');
  });
});

describe('check: evidence redaction', () => {
  it('hides every credential value but keeps the keys and the rest of the body', () => {
    const body = {
      credentials: { uri: 'db://u:p@h', nested: { token: 't', ports: [1, 2] } },
      syslog_drain_url: 's',
    };
    expect(evidenceBody(body, JSON.stringify(body), true)).toEqual({
      credentials: {
        uri: '[redacted]',
        nested: { token: '[redacted]', ports: ['[redacted]', '[redacted]'] },
      },
      syslog_drain_url: 's',
    });
  });

  it('cuts long bodies', () => {
    expect(evidenceBody(undefined, 'x'.repeat(5000), false)).toHaveLength(2001);
    const big = 'y'.repeat(70_000);
    expect(evidenceBody(big, JSON.stringify(big), true)).toEqual({ truncated: true, jsonChars: 70_002 });
  });
});

describe('check: parameters a schema refuses', () => {
  it('leaves out required parameters, adds unknown ones, or breaks a declared type', () => {
    const base = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' };
    expect(violatingParameters({ ...base, required: ['region'] })).toEqual({});
    expect(violatingParameters({ ...base, additionalProperties: false })).toEqual({
      smsim_check_unknown_parameter: true,
    });
    expect(violatingParameters({ ...base, properties: { size: { type: 'integer' } } })).toEqual({
      size: 'not-a-number',
    });
    expect(violatingParameters(base)).toBeUndefined();
  });
});

describe('check: choosing plans from a catalog', () => {
  const catalog = {
    services: [
      {
        id: 's1',
        name: 'sync',
        bindable: true,
        plans: [
          {
            id: 'p-schema',
            name: 'needs-params',
            schemas: { service_instance: { create: { parameters: { required: ['x'] } } } },
          },
          { id: 'p-sync', name: 'plain' },
          { id: 'p-slow', name: 'slow', maximum_polling_duration: 60 },
        ],
      },
      {
        id: 's2',
        name: 'agent',
        bindable: true,
        requires: ['syslog_drain'],
        plans: [{ id: 'p-agent', name: 'agent' }],
      },
      { id: 'broken', plans: 'not a list' },
    ],
  };

  it('names plans by id, name or offering/plan (--async-plans)', () => {
    const plans = plansOf(catalog);
    const named = (keys: string[]) => plansNamed(plans, keys).map((plan) => plan.planId);
    expect(named(['p-slow'])).toEqual(['p-slow']);
    expect(named(['agent'])).toEqual(['p-agent']);
    expect(named(['agent/agent', 'sync/plain'])).toEqual(['p-sync', 'p-agent']);
    expect(named(['sync/agent', 'nothing'])).toEqual([]);
  });

  it('reads plans leniently and orders the candidates of each role', () => {
    const plans = plansOf(catalog);
    expect(plans.map((plan) => plan.planId)).toEqual(['p-schema', 'p-sync', 'p-slow', 'p-agent']);
    expect(plans[1]).toMatchObject({
      serviceName: 'sync',
      bindable: true,
      siblingPlanIds: ['p-schema', 'p-slow'],
    });
    expect(syncCandidates(plans).map((plan) => plan.planId)).toEqual(['p-sync', 'p-agent', 'p-slow']);
    expect(asyncCandidates(plans, new Set(['p-sync'])).map((plan) => plan.planId)).toEqual([
      'p-slow',
      'p-agent',
    ]);
    expect(bindablePlan(plans, [plans[1]!])?.planId).toBe('p-agent');
  });
});

describe('check: each check links its section of the OSB 2.17 spec', () => {
  /** Section anchors of spec.md v2.17 (its headings), as GitHub renders them. */
  const SECTIONS = [
    'api-version-header',
    'request-identity',
    'vendor-extension-fields',
    'platform-to-service-broker-authentication',
    'service-broker-errors',
    'catalog-management',
    'service-offering-object',
    'service-plan-object',
    'input-parameters-schema-object',
    'maintenance-info-object',
    'asynchronous-operations',
    'blocking-operations',
    'polling-last-operation-for-service-instances',
    'polling-interval-and-duration',
    'provisioning',
    'fetching-a-service-instance',
    'updating-a-service-instance',
    'binding',
    'types-of-binding',
    'fetching-a-service-binding',
    'deprovisioning',
    'orphan-mitigation',
  ];

  it('every check has a spec URL with a known section anchor', () => {
    for (const check of CHECKS) {
      const [url, anchor] = check.spec.split('#');
      expect(url, check.id).toBe('https://github.com/openservicebrokerapi/servicebroker/blob/v2.17/spec.md');
      expect(SECTIONS, check.id).toContain(anchor);
    }
  });
});
