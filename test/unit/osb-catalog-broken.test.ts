import { describe, expect, it } from 'vitest';
import { type CatalogProblem, validateCatalog } from '../../main/core/osb/catalog-validation';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

const summary = (problems: CatalogProblem[]) =>
  problems.map(({ severity, path, code }) => `${severity} ${path} ${code}`);

/** Every item of the checklist broken once; each comment names the problem the line causes. */
function brokenCatalog() {
  return {
    services: [
      {
        id: 'offering-1',
        name: 'db',
        description: 'A database.',
        bindable: true,
        requires: ['syslog_drain', 'nfs'], // unsupported-requires
        dashboard_client: { id: 'dash', redirect_uri: 'https://dash.example' }, // incomplete-dashboard-client
        plans: [
          { id: 'plan-1', name: 'small', description: 'Small.', maintenance_info: { version: '1.2' } }, // bad SemVer
          { id: 'plan-1', name: 'small', description: '', maximum_polling_duration: 0 }, // 4 problems
          {
            id: 'plan-3',
            name: 'schemas',
            description: 'Bad schemas.',
            schemas: {
              service_instance: {
                create: { parameters: { type: 'object' } }, // no $schema
                update: {
                  parameters: {
                    $schema: DRAFT_07,
                    properties: { a: { $ref: 'https://example.com/a.json' } },
                  },
                },
              },
              service_binding: { create: { parameters: { $schema: DRAFT_07, type: 'objekt' } } }, // uncompilable
            },
          },
          {
            id: 'plan-4',
            name: 'huge',
            description: 'An oversized schema.',
            schemas: {
              service_instance: {
                create: { parameters: { $schema: DRAFT_07, description: 'x'.repeat(70_000) } },
              },
            },
          },
          { id: 'taken-plan', name: 'taken', description: 'Its id belongs to another broker.' },
          {
            id: 'plan-6',
            name: 'shared',
            description: 'Shareable but not bindable.',
            bindable: false,
            metadata: { supportsInstanceSharing: true },
          },
          { id: 'plan-7', name: 'reference-instance', description: 'A reserved name.' },
          { id: 'plan-8', name: 'slow', description: 'Polls for -5 s.', maximum_polling_duration: -5 },
          { id: 'plan-9', name: 'flags', description: 'Not booleans.', free: 'yes', plan_updateable: 1 },
        ],
      },
      {
        id: 'offering-1',
        name: 'db',
        bindable: true,
        plans: [{ id: 'plan-10', name: 'x', description: 'X.' }],
      },
      { id: 'taken-offering', name: 'other', description: 'Other.', bindable: 'yes', plans: [] },
      { name: 'no-id', description: 'No id, no bindable.', plans: [{ name: 'p', description: 'No id.' }] },
    ],
  };
}

describe('validateCatalog: a broken catalog', () => {
  const { catalog, problems } = validateCatalog(brokenCatalog(), {
    sharing: true,
    otherBrokerIds: { offeringIds: new Set(['taken-offering']), planIds: new Set(['taken-plan']) },
  });

  it('returns no catalog', () => {
    expect(catalog).toBeUndefined();
  });

  it('reports every problem with its path and code, and nothing else', () => {
    const plans = 'services[0].plans';
    const schemas = `${plans}[2].schemas`;
    expect(summary(problems).sort()).toEqual(
      [
        'error services[0].requires[1] unsupported-requires',
        'error services[0].dashboard_client.secret incomplete-dashboard-client',
        `error ${plans}[0].maintenance_info.version invalid-maintenance-info-version`,
        `error ${plans}[1].id duplicate-plan-id`,
        `error ${plans}[1].name duplicate-plan-name`,
        `error ${plans}[1].description missing-description`,
        `error ${plans}[1].maximum_polling_duration invalid-maximum-polling-duration`,
        `error ${schemas}.service_instance.create.parameters.$schema schema-missing-dollar-schema`,
        `error ${schemas}.service_instance.update.parameters.properties.a.$ref schema-external-ref`,
        `error ${schemas}.service_binding.create.parameters schema-compile-error`,
        `error ${plans}[3].schemas.service_instance.create.parameters schema-too-large`,
        `error ${plans}[4].id plan-id-in-use`,
        `error ${plans}[5].metadata.supportsInstanceSharing shareable-plan-not-bindable`,
        `error ${plans}[6].name reserved-plan-name`,
        `error ${plans}[7].maximum_polling_duration invalid-maximum-polling-duration`,
        `error ${plans}[8].free invalid-boolean`,
        `error ${plans}[8].plan_updateable invalid-boolean`,
        'error services[1].id duplicate-offering-id',
        'error services[1].name duplicate-offering-name',
        'error services[1].description missing-description',
        'error services[2].id offering-id-in-use',
        'error services[2].bindable invalid-boolean',
        'error services[2].plans missing-plans',
        'error services[3].id missing-id',
        'error services[3].bindable missing-bindable',
        'error services[3].plans[0].id missing-id',
      ].sort(),
    );
  });

  it('writes messages that name the offending value and say what to do', () => {
    const message = (code: string) => problems.find((problem) => problem.code === code)?.message;
    expect(message('duplicate-plan-id')).toBe(
      'Plan id "plan-1" is also the id of services[0].plans[0].id; plan ids must be unique in the whole catalog.',
    );
    expect(message('unsupported-requires')).toContain(
      '"nfs" is not allowed; use only syslog_drain, route_forwarding, volume_mount',
    );
    expect(message('invalid-maintenance-info-version')).toContain('"1.2" is not SemVer 2.0');
    expect(message('schema-external-ref')).toContain(
      '"https://example.com/a.json" points outside the schema',
    );
    expect(message('schema-compile-error')).toContain('must be equal to one of the allowed values');
    expect(message('schema-too-large')).toMatch(/is \d+ bytes as JSON, over the OSB limit of 65536/);
    expect(message('offering-id-in-use')).toContain(
      '"taken-offering" is already used by another registered broker',
    );
    expect(message('missing-bindable')).toBe('Offering "no-id" has no "bindable"; say true or false.');
    expect(message('incomplete-dashboard-client')).toContain('has no secret');
    for (const problem of problems) expect(problem.message).toMatch(/^[A-Z"].*\.$/);
  });
});
