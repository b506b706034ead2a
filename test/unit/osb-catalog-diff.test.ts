import { describe, expect, it } from 'vitest';
import type { Catalog, Offering } from '../../main/core/osb/catalog-types';
import { compareCatalogIds, diffCatalogs } from '../../main/core/osb/catalog-validation';

function catalog(): Catalog {
  return {
    services: [
      {
        id: 'o-db',
        name: 'db',
        description: 'A database.',
        bindable: true,
        tags: ['sql'],
        metadata: { displayName: 'DB', provider: 'acme' },
        plans: [
          { id: 'p-small', name: 'small', description: 'Small.', free: true },
          { id: 'p-large', name: 'large', description: 'Large.', maintenance_info: { version: '1.0.0' } },
        ],
      },
      {
        id: 'o-cache',
        name: 'cache',
        description: 'A cache.',
        bindable: true,
        plans: [{ id: 'p-cache', name: 'standard', description: 'Standard.' }],
      },
    ],
  };
}

const db = (value: Catalog): Offering => value.services[0]!;
const empty = { added: [], removed: [], changed: [] };

describe('diffCatalogs', () => {
  it('lists everything as added when nothing was cached', () => {
    expect(diffCatalogs(undefined, catalog())).toEqual({
      offerings: { added: ['db (o-db)', 'cache (o-cache)'], removed: [], changed: [] },
      plans: {
        added: ['small (p-small)', 'large (p-large)', 'standard (p-cache)'],
        removed: [],
        changed: [],
      },
    });
  });

  it('finds no change between equal catalogs, whatever the order of object keys', () => {
    const reordered = catalog();
    db(reordered).metadata = { provider: 'acme', displayName: 'DB' };
    expect(diffCatalogs(catalog(), reordered)).toEqual({ offerings: empty, plans: empty });
  });

  it('lists removed and added offerings and plans by id, with their names', () => {
    const after = catalog();
    after.services.pop();
    db(after).plans.push({ id: 'p-huge', name: 'huge', description: 'Huge.' });
    expect(diffCatalogs(catalog(), after)).toEqual({
      offerings: { added: [], removed: ['cache (o-cache)'], changed: [] },
      plans: { added: ['huge (p-huge)'], removed: ['standard (p-cache)'], changed: [] },
    });
  });

  it('counts an offering as changed only for its own fields, and a plan for any deep change', () => {
    const after = catalog();
    db(after).plans[1]!.maintenance_info = { version: '1.1.0' };
    expect(diffCatalogs(catalog(), after)).toEqual({
      offerings: empty,
      plans: {
        added: [],
        removed: [],
        changed: ['large (p-large)'],
        fields: {
          'large (p-large)': [{ field: 'maintenance_info.version', before: '"1.0.0"', after: '"1.1.0"' }],
        },
      },
    });
    db(after).tags = ['sql', 'postgres'];
    expect(diffCatalogs(catalog(), after).offerings).toEqual({
      added: [],
      removed: [],
      changed: ['db (o-db)'],
      fields: { 'db (o-db)': [{ field: 'tags', before: '["sql"]', after: '["sql","postgres"]' }] },
    });
  });

  it('says which fields of a plan changed, old → new, new and removed ones without a side', () => {
    const after = catalog();
    const small = db(after).plans[0]!;
    small.description = 'Small, now with backups.';
    delete small.free;
    small.bindable = false;
    small.metadata = { bullets: ['x'.repeat(100)] };
    expect(diffCatalogs(catalog(), after).plans.fields).toEqual({
      'small (p-small)': [
        { field: 'bindable', after: 'false' },
        { field: 'description', before: '"Small."', after: '"Small, now with backups."' },
        { field: 'free', before: 'true' },
        { field: 'metadata', after: `{"bullets":["${'x'.repeat(46)}…` },
      ],
    });
  });

  it('names a renamed entry by its new name and counts a plan moved to another offering as changed', () => {
    const after = catalog();
    db(after).name = 'database';
    const moved = db(after).plans.pop()!;
    after.services[1]!.plans.push(moved);
    expect(diffCatalogs(catalog(), after)).toEqual({
      offerings: {
        added: [],
        removed: [],
        changed: ['database (o-db)'],
        fields: { 'database (o-db)': [{ field: 'name', before: '"db"', after: '"database"' }] },
      },
      plans: {
        added: [],
        removed: [],
        changed: ['large (p-large)'],
        fields: { 'large (p-large)': [{ field: 'service_id', before: '"o-db"', after: '"o-cache"' }] },
      },
    });
  });
});

describe('compareCatalogIds', () => {
  it('finds nothing wrong with two identical fetches', () => {
    expect(compareCatalogIds(catalog(), catalog())).toEqual([]);
  });

  it('reports ids that changed between fetches, naming both ids', () => {
    const second = catalog();
    db(second).id = 'o-db-2';
    db(second).plans[1]!.id = 'p-large-2';
    const problems = compareCatalogIds(catalog(), second);
    expect(problems.map(({ severity, path, code }) => `${severity} ${path} ${code}`)).toEqual([
      'error services[0].id unstable-offering-id',
      'error services[0].plans[1].id unstable-plan-id',
    ]);
    expect(problems[1]!.message).toBe(
      'Plan "large" had id "p-large" in the first fetch and "p-large-2" in the second; ids must never change, or platforms lose track of existing instances.',
    );
  });

  it('matches by name, so a reordered catalog is stable', () => {
    const second = catalog();
    second.services.reverse();
    second.services[1]!.plans.reverse();
    expect(compareCatalogIds(catalog(), second)).toEqual([]);
  });

  it('warns about offerings and plans present in only one fetch', () => {
    const second = catalog();
    const removed = second.services.pop()!;
    second.services.push({ ...removed, name: 'cache-2' });
    db(second).plans[0]!.name = 'tiny';
    expect(
      compareCatalogIds(catalog(), second).map(
        ({ severity, path, code, message }) => `${severity} ${path} ${code}: ${message}`,
      ),
    ).toEqual([
      'warning services[0].plans[0] catalog-changed-between-fetches: Plan "tiny" of offering "db" is new in the second fetch; a catalog should not change between two fetches in a row.',
      'warning services[0].plans catalog-changed-between-fetches: Plan "small" of offering "db" is missing from the second fetch; a catalog should not change between two fetches in a row.',
      'warning services[1] catalog-changed-between-fetches: Offering "cache-2" is new in the second fetch; a catalog should not change between two fetches in a row.',
      'warning services catalog-changed-between-fetches: Offering "cache" is missing from the second fetch; a catalog should not change between two fetches in a row.',
    ]);
  });
});
