import type { CatalogRefresh } from '../../../main/servers/sm/api-types';

/** What a refresh the user started did, in one sentence: the result per broker, or counted per result. */
export function refreshSummary(records: readonly CatalogRefresh[]): string {
  if (records.length === 1) {
    const [record] = records as [CatalogRefresh];
    return `Refreshed the catalog of ${record.broker_name}: ${record.result}.`;
  }
  const counts = new Map<string, number>();
  for (const record of records) counts.set(record.result, (counts.get(record.result) ?? 0) + 1);
  const parts = [...counts].map(([result, count]) => `${count} ${result}`);
  return `Refreshed ${records.length} catalogs: ${parts.join(', ')}.`;
}
