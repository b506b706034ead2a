import type { Catalog } from './catalog-types';
import { type FieldChange, fieldChanges } from './field-changes';

/** Entries read `name (id)`, e.g. `small (3f2a…)`; the name is the newer one when both catalogs have the entry. */
export interface DiffLists {
  added: string[];
  removed: string[];
  changed: string[];
  /** For each entry of `changed` (by the same text), which fields changed, old → new; absent when none did. */
  fields?: Record<string, FieldChange[]>;
}

/** What a catalog refresh changed, matched by catalog id. */
export interface CatalogDiff {
  offerings: DiffLists;
  plans: DiffLists;
}

interface Entry {
  name: string;
  /** What "changed" compares. */
  content: unknown;
}

function offeringsOf(catalog: Catalog | undefined): Map<string, Entry> {
  return new Map(
    (catalog?.services ?? []).map(({ plans, ...offering }) => [
      offering.id,
      { name: offering.name, content: offering },
    ]),
  );
}

/** A plan that moved to another offering counts as changed (its field `service_id`). */
function plansOf(catalog: Catalog | undefined): Map<string, Entry> {
  return new Map(
    (catalog?.services ?? []).flatMap((offering) =>
      offering.plans.map(
        (plan) => [plan.id, { name: plan.name, content: { ...plan, service_id: offering.id } }] as const,
      ),
    ),
  );
}

function diffEntries(before: Map<string, Entry>, after: Map<string, Entry>): DiffLists {
  const label = (id: string, entry: Entry) => `${entry.name} (${id})`;
  const lists: DiffLists = { added: [], removed: [], changed: [] };
  for (const [id, entry] of after) {
    const old = before.get(id);
    if (!old) {
      lists.added.push(label(id, entry));
      continue;
    }
    const changes = fieldChanges(old.content, entry.content);
    if (changes.length === 0) continue;
    lists.changed.push(label(id, entry));
    lists.fields = { ...lists.fields, [label(id, entry)]: changes };
  }
  for (const [id, entry] of before) if (!after.has(id)) lists.removed.push(label(id, entry));
  return lists;
}

/**
 * Offerings and plans added, removed and changed from `before` (undefined: nothing cached yet) to `after`.
 * An offering counts as changed when its own fields differ; changes of its plans are listed under `plans`.
 */
export function diffCatalogs(before: Catalog | undefined, after: Catalog): CatalogDiff {
  return {
    offerings: diffEntries(offeringsOf(before), offeringsOf(after)),
    plans: diffEntries(plansOf(before), plansOf(after)),
  };
}
