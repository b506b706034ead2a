import type { Catalog } from './catalog-types';
import { isRecord, type JsonRecord } from './problems';

const withoutNulls = (record: JsonRecord): JsonRecord =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null));

/** Drops null entries of `record[key]` and of each object value in it (the `schemas` tree). */
function normalizeNested(record: JsonRecord, key: string, depth: number): void {
  const value = record[key];
  if (!isRecord(value)) return;
  const copy = withoutNulls(value);
  if (depth > 1) for (const child of Object.keys(copy)) normalizeNested(copy, child, depth - 1);
  record[key] = copy;
}

/**
 * A copy of a valid catalog without the optional fields the broker sent as `null` (they mean absent), so the
 * result matches the `Catalog` types. Metadata and parameter schemas are kept as sent.
 */
export function normalizeCatalog(catalog: JsonRecord & { services: JsonRecord[] }): Catalog {
  const services = catalog.services.map((offering) => {
    const copy = withoutNulls(offering);
    copy.plans = (offering.plans as JsonRecord[]).map((plan) => {
      const planCopy = withoutNulls(plan);
      normalizeNested(planCopy, 'maintenance_info', 1);
      // schemas → service_instance → create: three levels; "parameters" itself is kept as sent.
      normalizeNested(planCopy, 'schemas', 3);
      return planCopy;
    });
    return copy;
  });
  return { ...withoutNulls(catalog), services } as unknown as Catalog;
}
