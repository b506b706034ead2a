import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CatalogValidation, validateCatalog } from '../../main/core/osb/catalog-validation';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

function expectConsistent(result: CatalogValidation): void {
  const hasErrors = result.problems.some((problem) => problem.severity === 'error');
  expect(result.catalog === undefined).toBe(hasErrors);
  for (const problem of result.problems) {
    expect(problem.path).toEqual(expect.any(String));
    expect(problem.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(problem.message).toEqual(expect.any(String));
  }
}

const validate = (input: unknown) => {
  const result = validateCatalog(input, {
    sharing: true,
    otherBrokerIds: { offeringIds: new Set(), planIds: new Set() },
  });
  expectConsistent(result);
  return result;
};

describe('validateCatalog never throws', () => {
  it('reports a body that is not an object', () => {
    for (const input of [
      null,
      undefined,
      42,
      'services',
      true,
      [],
      [{ services: [] }],
      () => 1,
      Symbol('s'),
      10n,
    ]) {
      expect(validate(input).problems.map((problem) => problem.code)).toEqual(['invalid-catalog']);
    }
  });

  it('reports a missing or wrong services list', () => {
    for (const input of [{}, { services: null }, { services: {} }, { services: 'x' }, { Services: [] }]) {
      expect(validate(input).problems.map((problem) => `${problem.path} ${problem.code}`)).toEqual([
        'services invalid-services',
      ]);
    }
  });

  it('survives offerings and plans of every wrong shape', () => {
    const wrong = [
      null,
      0,
      '',
      'x',
      [],
      [[]],
      {},
      { plans: [null, 1, [], {}] },
      { id: {}, name: [], plans: {} },
    ];
    const result = validate({
      services: [...wrong, { id: 'o', name: 'o', description: 'O.', bindable: true, plans: wrong }],
    });
    expect(result.problems.length).toBeGreaterThan(wrong.length);
  });

  it('survives objects without a prototype, sparse arrays, cycles and deep nesting', () => {
    const bare = Object.assign(Object.create(null), { id: Object.create(null), name: 'n' });
    const sparse: unknown[] = [];
    sparse[2] = bare;
    const cyclic: Record<string, unknown> = { $schema: DRAFT_07, type: 'object' };
    cyclic.properties = { self: cyclic };
    let deep: Record<string, unknown> = {};
    for (let level = 0; level < 100_000; level++) deep = { not: deep };
    const plans = [
      {
        id: 'p1',
        name: 'p1',
        description: 'P.',
        schemas: { service_instance: { create: { parameters: cyclic } } },
      },
      {
        id: 'p2',
        name: 'p2',
        description: 'P.',
        schemas: { service_instance: { create: { parameters: { $schema: DRAFT_07, ...deep } } } },
      },
      { id: 'p3', name: 'p3', description: 'P.', metadata: deep },
    ];
    const result = validate({
      services: [...sparse, { id: 'o', name: 'o', description: 'O.', bindable: true, plans }],
    });
    const codes = result.problems.map((problem) => `${problem.path} ${problem.code}`);
    expect(codes).toContain('services[0] invalid-offering');
    expect(codes).toContain('services[2].id invalid-id');
    expect(codes).toContain(
      'services[3].plans[0].schemas.service_instance.create.parameters schema-not-serializable',
    );
    expect(codes).toContain(
      'services[3].plans[1].schemas.service_instance.create.parameters schema-not-serializable',
    );
  });

  it('holds for any JSON-like value', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true }),
        (input) => {
          validate(input);
          validate({ services: [input] });
          validate({ services: [{ id: 'o', name: 'o', description: 'O.', bindable: true, plans: [input] }] });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds for catalogs whose every field may be right or wrong', () => {
    const maybe = <T>(right: fc.Arbitrary<T>) => fc.oneof(right, right, fc.anything());
    const schema = maybe(
      fc.record(
        {
          $schema: maybe(fc.constant(DRAFT_07)),
          type: maybe(fc.constantFrom('object', 'string')),
          $ref: maybe(fc.string()),
        },
        { requiredKeys: [] },
      ),
    );
    const plan = maybe(
      fc.record(
        {
          id: maybe(fc.constantFrom('p1', 'p2', 'p3')),
          name: maybe(fc.constantFrom('small', 'Large', 'reference-instance')),
          description: maybe(fc.string()),
          bindable: maybe(fc.boolean()),
          free: maybe(fc.boolean()),
          metadata: maybe(fc.record({ supportsInstanceSharing: maybe(fc.boolean()) })),
          maintenance_info: maybe(fc.record({ version: maybe(fc.constantFrom('1.0.0', '1.0', 'v2.0.0')) })),
          maximum_polling_duration: maybe(fc.integer({ min: -5, max: 5 })),
          schemas: maybe(
            fc.record({
              service_instance: maybe(fc.record({ create: maybe(fc.record({ parameters: schema })) })),
            }),
          ),
        },
        { requiredKeys: [] },
      ),
    );
    const offering = maybe(
      fc.record(
        {
          id: maybe(fc.constantFrom('o1', 'o2')),
          name: maybe(fc.constantFrom('db', 'cache')),
          description: maybe(fc.string()),
          bindable: maybe(fc.boolean()),
          tags: maybe(fc.array(maybe(fc.string()))),
          requires: maybe(fc.array(maybe(fc.constantFrom('syslog_drain', 'route_forwarding', 'nfs')))),
          dashboard_client: maybe(
            fc.record({ id: maybe(fc.string()), secret: maybe(fc.string()) }, { requiredKeys: [] }),
          ),
          plans: maybe(fc.array(plan, { maxLength: 4 })),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.array(offering, { maxLength: 3 }), (services) => {
        validate({ services });
      }),
      { numRuns: 300 },
    );
  });
});
