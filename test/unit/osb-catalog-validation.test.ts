import { describe, expect, it } from 'vitest';
import { type CatalogProblem, validateCatalog } from '../../main/core/osb/catalog-validation';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** A catalog as a careful broker would answer it, exercising every optional field. */
function realisticCatalog() {
  return {
    services: [
      {
        id: '8c3f2b1e-6a4d-4e8b-9f1a-2d7c5e0b9a11',
        name: 'acme-postgres',
        description: 'Managed PostgreSQL databases.',
        bindable: true,
        instances_retrievable: true,
        bindings_retrievable: true,
        allow_context_updates: false,
        plan_updateable: true,
        tags: ['sql', 'postgres'],
        requires: ['syslog_drain', 'volume_mount'],
        metadata: { displayName: 'ACME Postgres', nested: { anything: [1, null, 'x'] } },
        dashboard_client: { id: 'acme-dash', secret: 's3cr3t', redirect_uri: 'https://dash.acme.example/cb' },
        plans: [
          {
            id: '0b6e7c52-3f0a-4c1e-8d2b-5a9f4e6c7d10',
            name: 'small',
            description: 'One node, 10 GB.',
            free: true,
            maintenance_info: { version: '2.1.0-rc.1+build.5', description: 'Postgres 16.3' },
            maximum_polling_duration: 3600,
            schemas: {
              service_instance: {
                create: {
                  parameters: {
                    $schema: DRAFT_07,
                    type: 'object',
                    definitions: { size: { type: 'integer', minimum: 1 } },
                    properties: {
                      size: { $ref: '#/definitions/size' },
                      owner: { type: 'string', format: 'email' },
                      region: { enum: ['eu', 'us'], default: 'eu' },
                    },
                    additionalProperties: false,
                  },
                },
                update: {
                  parameters: { $schema: 'https://json-schema.org/draft-07/schema', type: 'object' },
                },
              },
              service_binding: {
                create: {
                  parameters: {
                    $schema: 'https://json-schema.org/draft/2019-09/schema',
                    $defs: { role: { enum: ['read', 'write'] } },
                    properties: { role: { $ref: '#/$defs/role' } },
                    unevaluatedProperties: false,
                  },
                },
              },
            },
          },
          {
            id: '1c7f8d63-4a1b-4d2f-9e3c-6b0a5f7d8e21',
            name: 'shared.large_v2',
            description: 'Three nodes; may be shared with other platforms.',
            free: false,
            bindable: true,
            binding_rotatable: true,
            plan_updateable: false,
            metadata: { supportsInstanceSharing: true },
            schemas: {
              service_instance: {
                create: {
                  parameters: {
                    $schema: 'https://json-schema.org/draft/2020-12/schema',
                    prefixItems: [{ type: 'string' }],
                  },
                },
              },
            },
          },
        ],
      },
      {
        id: '2d8a9e74-5b2c-4e3a-8f4d-7c1b6a8e9f32',
        name: 'acme-logs',
        description: 'Log shipping; not bindable.',
        bindable: false,
        plans: [{ id: '3e9b0f85-6c3d-4f4b-9a5e-8d2c7b9f0a43', name: 'basic', description: 'Basic.' }],
      },
    ],
  };
}

const sharingOptions = {
  sharing: true,
  otherBrokerIds: { offeringIds: new Set(['someone-else']), planIds: new Set(['someone-elses-plan']) },
};

const summary = (problems: CatalogProblem[]) =>
  problems.map(({ severity, path, code }) => `${severity} ${path} ${code}`);

describe('validateCatalog: a valid catalog', () => {
  it('reports no problem for a realistic catalog and returns it', () => {
    const input = realisticCatalog();
    const { catalog, problems } = validateCatalog(input, sharingOptions);
    expect(problems).toEqual([]);
    expect(catalog).toEqual(input);
  });

  it('accepts an empty service list', () => {
    expect(validateCatalog({ services: [] })).toEqual({ catalog: { services: [] }, problems: [] });
  });

  it('reads optional fields sent as null as absent and drops them from the result', () => {
    const input = {
      services: [
        {
          id: 'o1',
          name: 'svc',
          description: 'A service.',
          bindable: true,
          tags: null,
          requires: null,
          metadata: null,
          dashboard_client: null,
          plan_updateable: null,
          plans: [
            {
              id: 'p1',
              name: 'plan',
              description: 'A plan.',
              free: null,
              maintenance_info: { version: '1.0.0', description: null },
              maximum_polling_duration: null,
              schemas: {
                service_instance: { create: { parameters: null }, update: null },
                service_binding: null,
              },
            },
          ],
        },
      ],
    };
    const { catalog, problems } = validateCatalog(input);
    expect(problems).toEqual([]);
    expect(catalog).toEqual({
      services: [
        {
          id: 'o1',
          name: 'svc',
          description: 'A service.',
          bindable: true,
          plans: [
            {
              id: 'p1',
              name: 'plan',
              description: 'A plan.',
              maintenance_info: { version: '1.0.0' },
              schemas: { service_instance: { create: {} } },
            },
          ],
        },
      ],
    });
  });

  it('applies the sharing rules only when asked', () => {
    const input = realisticCatalog();
    input.services[0]!.plans[0]!.name = 'reference-instance';
    expect(validateCatalog(input).problems).toEqual([]);
    expect(summary(validateCatalog(input, { sharing: true }).problems)).toEqual([
      'error services[0].plans[0].name reserved-plan-name',
    ]);
  });

  it('lets a shareable plan inherit bindable from its offering', () => {
    const input = realisticCatalog();
    delete (input.services[0]!.plans[1] as { bindable?: boolean }).bindable;
    expect(validateCatalog(input, { sharing: true }).problems).toEqual([]);
  });
});

describe('validateCatalog: warnings', () => {
  it('warns about CLI-unfriendly names and long strings, and still returns the catalog', () => {
    const input = realisticCatalog();
    input.services[0]!.name = 'ACME Postgres';
    input.services[0]!.plans[0]!.name = 'small/fast';
    input.services[1]!.description = 'd'.repeat(256);
    input.services[0]!.tags = ['t'.repeat(300)];
    const { catalog, problems } = validateCatalog(input);
    expect(catalog).toBeDefined();
    expect(summary(problems)).toEqual([
      'warning services[0].name name-not-cli-friendly',
      'warning services[0].tags[0] string-too-long',
      'warning services[0].plans[0].name name-not-cli-friendly',
      'warning services[1].description string-too-long',
    ]);
    expect(problems[0]!.message).toBe(
      'Offering "ACME Postgres": the name is awkward to type in a CLI; use only lowercase letters, digits, "-", "_" and ".".',
    );
    expect(problems[3]!.message).toMatch(/^"d{77}\.\.\." is 256 characters long; .* over 255 characters/);
  });

  it('does not warn at exactly 255 characters', () => {
    const input = realisticCatalog();
    input.services[1]!.description = 'd'.repeat(255);
    expect(validateCatalog(input).problems).toEqual([]);
  });
});
