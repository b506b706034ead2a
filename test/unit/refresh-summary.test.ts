import { describe, expect, it } from 'vitest';
import type { CatalogRefresh } from '../../main/servers/sm/api-types';
import { refreshSummary } from '../../renderer/src/catalog/refresh-summary';

const record = (broker_name: string, result: CatalogRefresh['result']) =>
  ({ broker_name, result }) as CatalogRefresh;

describe('refreshSummary', () => {
  it('names the broker and its result for one refresh, and counts the results of several', () => {
    expect(refreshSummary([record('sample', 'unchanged')])).toBe(
      'Refreshed the catalog of sample: unchanged.',
    );
    expect(
      refreshSummary([
        record('a', 'updated'),
        record('b', 'unchanged'),
        record('c', 'malformed'),
        record('d', 'unchanged'),
      ]),
    ).toBe('Refreshed 4 catalogs: 1 updated, 2 unchanged, 1 malformed.');
  });
});
