import { describe, expect, it } from 'vitest';
import { validateCatalog } from '../../main/core/osb/catalog-validation';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const PATH = 'services[0].plans[0].schemas.service_instance.create.parameters';

const planWithSchemas = (schemas: unknown, id = 'p', name = 'p') => ({
  id,
  name,
  description: 'P.',
  schemas,
});
const catalogWith = (...plans: unknown[]) => ({
  services: [{ id: 'o', name: 'o', description: 'O.', bindable: true, plans }],
});
const withCreateSchema = (parameters: unknown) =>
  catalogWith(planWithSchemas({ service_instance: { create: { parameters } } }));
const codes = (input: unknown) =>
  validateCatalog(input).problems.map(({ severity, path, code }) => `${severity} ${path} ${code}`);

describe('parameter schemas: $schema and dialects', () => {
  it('compiles draft-06, draft-07, 2019-09 and 2020-12 schemas, with or without "#" and over https', () => {
    for (const $schema of [
      'http://json-schema.org/draft-06/schema#',
      DRAFT_07,
      'http://json-schema.org/draft-07/schema',
      'https://json-schema.org/draft-07/schema#',
      'https://json-schema.org/draft/2019-09/schema',
      'https://json-schema.org/draft/2020-12/schema#',
    ]) {
      expect(codes(withCreateSchema({ $schema, type: 'object' })), $schema).toEqual([]);
    }
  });

  it('uses the keywords of the declared dialect', () => {
    const draft2020 = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      prefixItems: 'not-an-array',
    };
    expect(codes(withCreateSchema(draft2020))).toEqual([`error ${PATH} schema-compile-error`]);
  });

  it('warns that draft-04 schemas (which OSB platforms must accept) cannot be compiled', () => {
    const { catalog, problems } = validateCatalog(
      withCreateSchema({ $schema: 'http://json-schema.org/draft-04/schema#', exclusiveMinimum: true }),
    );
    expect(catalog).toBeDefined();
    expect(problems).toEqual([
      {
        severity: 'warning',
        path: PATH,
        code: 'schema-not-compiled',
        message: expect.stringContaining('declares JSON Schema draft-04, which ajv 8 cannot compile'),
      },
    ]);
  });

  it('refuses a missing, non-string or unknown $schema', () => {
    expect(codes(withCreateSchema({ type: 'object' }))).toEqual([
      `error ${PATH}.$schema schema-missing-dollar-schema`,
    ]);
    expect(codes(withCreateSchema({ $schema: 7 }))).toEqual([
      `error ${PATH}.$schema schema-missing-dollar-schema`,
    ]);
    expect(codes(withCreateSchema({ $schema: 'https://example.com/my-dialect' }))).toEqual([
      `error ${PATH}.$schema schema-unknown-dialect`,
    ]);
  });

  it('refuses a parameters schema that is not an object', () => {
    for (const parameters of [true, 'x', [], 3]) {
      expect(codes(withCreateSchema(parameters))).toEqual([`error ${PATH} schema-not-object`]);
    }
  });

  it('checks the shape of the schemas tree', () => {
    expect(codes(catalogWith(planWithSchemas('x')))).toEqual([
      'error services[0].plans[0].schemas invalid-schemas',
    ]);
    expect(codes(catalogWith(planWithSchemas({ service_instance: [] })))).toEqual([
      'error services[0].plans[0].schemas.service_instance invalid-schemas',
    ]);
    expect(codes(catalogWith(planWithSchemas({ service_binding: { create: 1 } })))).toEqual([
      'error services[0].plans[0].schemas.service_binding.create invalid-schemas',
    ]);
    expect(codes(catalogWith(planWithSchemas({ service_instance: { create: {} } })))).toEqual([]);
  });
});

describe('parameter schemas: references', () => {
  it('allows local references and anchors', () => {
    const schema = {
      $schema: DRAFT_07,
      definitions: { a: { $id: '#anchor', type: 'string' }, b: { type: 'integer' } },
      properties: { a: { $ref: '#anchor' }, b: { $ref: '#/definitions/b' }, c: { items: [{ $ref: '#' }] } },
    };
    expect(codes(withCreateSchema(schema))).toEqual([]);
  });

  it('reports every external reference with its path, also relative files and nested arrays', () => {
    const schema = {
      $schema: DRAFT_07,
      properties: { a: { $ref: 'common.json#/definitions/a' } },
      anyOf: [{ $ref: 'http://example.com/schema' }],
    };
    expect(codes(withCreateSchema(schema)).sort()).toEqual(
      [
        `error ${PATH}.anyOf[0].$ref schema-external-ref`,
        `error ${PATH}.properties.a.$ref schema-external-ref`,
      ].sort(),
    );
  });

  it('does not read data (enum, const, default, examples) as references', () => {
    const schema = {
      $schema: DRAFT_07,
      type: 'object',
      default: { $ref: 'https://example.com/not-a-ref' },
      properties: { link: { const: { $ref: 'x.json' }, examples: [{ $ref: 'y.json' }] } },
    };
    expect(codes(withCreateSchema(schema))).toEqual([]);
  });

  it('reports a local reference that does not resolve as a compile error', () => {
    const schema = { $schema: DRAFT_07, properties: { a: { $ref: '#/definitions/missing' } } };
    const { problems } = validateCatalog(withCreateSchema(schema));
    expect(problems).toEqual([
      expect.objectContaining({
        path: PATH,
        code: 'schema-compile-error',
        message: expect.stringContaining("can't resolve"),
      }),
    ]);
  });

  it('uses paths that stay readable for property names that are not identifiers', () => {
    const schema = { $schema: DRAFT_07, properties: { 'my field': { $ref: 'x.json' } } };
    expect(codes(withCreateSchema(schema))).toEqual([
      `error ${PATH}.properties["my field"].$ref schema-external-ref`,
    ]);
  });
});

describe('parameter schemas: size and compilation', () => {
  const ofSize = (bytes: number, filler = 'x') => {
    const base = JSON.stringify({ $schema: DRAFT_07, description: '' }).length;
    const bytesPerChar = new TextEncoder().encode(filler).length;
    return { $schema: DRAFT_07, description: filler.repeat((bytes - base) / bytesPerChar) };
  };

  it('accepts 64 kB and refuses one byte more, counting UTF-8 bytes', () => {
    expect(codes(withCreateSchema(ofSize(65_536)))).toEqual([]);
    expect(codes(withCreateSchema(ofSize(65_537)))).toEqual([`error ${PATH} schema-too-large`]);
    expect(codes(withCreateSchema(ofSize(65_538, 'é')))).toEqual([`error ${PATH} schema-too-large`]);
  });

  it('reports invalid keywords and regular expressions as compile errors', () => {
    expect(codes(withCreateSchema({ $schema: DRAFT_07, minimum: 'one' }))).toEqual([
      `error ${PATH} schema-compile-error`,
    ]);
    expect(codes(withCreateSchema({ $schema: DRAFT_07, pattern: '(' }))).toEqual([
      `error ${PATH} schema-compile-error`,
    ]);
  });

  it('ignores unknown keywords and formats (ajv strict mode is off)', () => {
    expect(
      codes(withCreateSchema({ $schema: DRAFT_07, 'x-ui': { widget: 'slider' }, format: 'no-such-format' })),
    ).toEqual([]);
  });

  it('compiles the same $id in several plans, even with different content, and in every validation run', () => {
    const schema = (type: string) => ({
      $schema: DRAFT_07,
      $id: 'https://acme.example/params.json',
      type,
      properties: { child: { $ref: '#' } },
    });
    const input = catalogWith(
      planWithSchemas(
        {
          service_instance: {
            create: { parameters: schema('object') },
            update: { parameters: schema('object') },
          },
        },
        'p1',
        'a',
      ),
      planWithSchemas({ service_binding: { create: { parameters: schema('array') } } }, 'p2', 'b'),
    );
    expect(codes(input)).toEqual([]);
    expect(codes(input)).toEqual([]);
  });

  it('checks every slot: instance create and update, binding create', () => {
    const bad = { type: 'object' };
    const input = catalogWith(
      planWithSchemas({
        service_instance: { create: { parameters: bad }, update: { parameters: bad } },
        service_binding: { create: { parameters: bad } },
      }),
    );
    const schemas = 'services[0].plans[0].schemas';
    expect(codes(input)).toEqual([
      `error ${schemas}.service_instance.create.parameters.$schema schema-missing-dollar-schema`,
      `error ${schemas}.service_instance.update.parameters.$schema schema-missing-dollar-schema`,
      `error ${schemas}.service_binding.create.parameters.$schema schema-missing-dollar-schema`,
    ]);
  });
});
