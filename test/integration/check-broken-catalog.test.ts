import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCatalog } from '../../main/core/osb/catalog-validation';
import { listen, type RunningServer } from '../../main/servers/http/listen';
import { type CheckReport, type CheckResult, check } from '../../main/workflows/conformance';

const CREDENTIALS = { username: 'broken', password: 'broken-secret' };
const SCHEMA_WITHOUT_DIALECT = { type: 'object', properties: { size: { type: 'integer' } } };

/** A catalog with one of each mistake; `planId` changes between fetches (unstable ids). */
function brokenCatalog(planId: string) {
  return {
    services: [
      {
        id: 'dup-offering',
        name: 'first',
        description: 'The first offering.',
        bindable: true,
        requires: ['magic'],
        dashboard_client: { id: 'client', redirect_uri: 'https://example.invalid' },
        plans: [
          {
            id: 'dup-plan',
            name: 'small',
            description: 'x'.repeat(300),
            maintenance_info: { version: '1.2' },
            maximum_polling_duration: 0,
          },
          {
            id: planId,
            name: 'Schema Plan',
            description: 'Parameters without a dialect.',
            schemas: { service_instance: { create: { parameters: SCHEMA_WITHOUT_DIALECT } } },
          },
        ],
      },
      {
        id: 'dup-offering',
        name: 'second',
        bindable: false,
        plans: [
          { id: 'dup-plan', name: 'small' },
          {
            id: 'external-ref',
            name: 'referring',
            description: 'An external reference.',
            schemas: {
              service_binding: {
                create: {
                  parameters: {
                    $schema: 'http://json-schema.org/draft-07/schema#',
                    $ref: 'https://example.invalid/s.json',
                  },
                },
              },
            },
          },
        ],
      },
    ],
  };
}

let server: RunningServer;
let report: CheckReport;

beforeAll(async () => {
  let fetches = 0;
  const expected = `Basic ${Buffer.from(`${CREDENTIALS.username}:${CREDENTIALS.password}`).toString('base64')}`;
  const app = express();
  app.get('/v2/catalog', (req, res) => {
    if (req.get('authorization') !== expected) return res.status(401).json({ description: 'who are you?' });
    if (!req.get('x-broker-api-version')) return res.status(412).json({ description: 'which version?' });
    fetches += 1;
    res.json(brokenCatalog(fetches === 1 ? 'schema-plan-1' : 'schema-plan-2'));
  });
  server = await listen(app, '127.0.0.1', 0);
  report = await check({ brokerUrl: server.url, ...CREDENTIALS, skipDestructive: true });
});

afterAll(() => server.close());

const result = (id: string): CheckResult => report.checks.find((entry) => entry.id === id)!;

describe('smsim check against a broker with a broken catalog', () => {
  it('reports every problem validateCatalog finds, each under a catalog check', () => {
    const findings = report.checks
      .filter((entry) => entry.area === 'catalog')
      .flatMap((entry) => entry.findings ?? []);
    const { problems } = validateCatalog(brokenCatalog('schema-plan-1'));
    expect(problems.length).toBeGreaterThan(10);
    for (const problem of problems) expect(findings).toContain(`${problem.path}: ${problem.message}`);
  });

  it('fails the checks of the errors, with the offending path', () => {
    const expected: Record<string, RegExp> = {
      'catalog.ids-unique': /services\[1\]\.id: Offering id "dup-offering"/,
      'catalog.required-fields': /services\[1\]\.description: Offering "second" has no description/,
      'catalog.maintenance-info':
        /services\[0\]\.plans\[0\]\.maintenance_info\.version: .*"1\.2" is not SemVer/,
      'catalog.schema-dollar-schema': /services\[0\]\.plans\[1\]\.schemas.*\$schema: .*has no "\$schema"/,
      'catalog.schema-refs-local': /\$ref: .*points outside the schema/,
      'catalog.requires': /"magic" is not allowed/,
      'catalog.dashboard-client': /has no secret/,
      'catalog.maximum-polling-duration': /maximum_polling_duration 0/,
      'catalog.ids-stable': /had id "schema-plan-1" in the first fetch and "schema-plan-2" in the second/,
    };
    for (const [id, finding] of Object.entries(expected)) {
      expect(result(id).status, id).toBe('fail');
      expect(
        result(id).findings?.some((line) => finding.test(line)),
        `${id}: ${result(id).findings}`,
      ).toBe(true);
    }
    expect(result('catalog.required-fields').findings).toContainEqual(
      expect.stringMatching(/services\[1\]\.plans\[0\]\.description: Plan "small" has no description/),
    );
    expect(result('catalog.ids-unique').findings).toContainEqual(expect.stringMatching(/Plan id "dup-plan"/));
  });

  it('only warns about names and lengths, and passes what is right', () => {
    expect(result('catalog.cli-friendly-names')).toMatchObject({
      status: 'warn',
      reason: expect.stringMatching(/Schema Plan/),
    });
    expect(result('catalog.string-lengths')).toMatchObject({
      status: 'warn',
      reason: expect.stringMatching(/300 characters/),
    });
    for (const id of ['catalog.fetch', 'catalog.schema-size', 'catalog.schema-compiles', 'catalog.other']) {
      expect(result(id).status, id).toBe('pass');
    }
    expect(result('catalog.fetch').evidence[0]).toMatchObject({ method: 'GET', status: 200 });
  });

  it('skips everything destructive when asked to', () => {
    const skipped = report.checks.filter((entry) => entry.reason.startsWith('--skip-destructive'));
    expect(skipped.map((entry) => entry.area)).not.toContain('catalog');
    expect(skipped.length).toBeGreaterThan(30);
    expect(skipped.every((entry) => entry.status === 'skip')).toBe(true);
  });
});
