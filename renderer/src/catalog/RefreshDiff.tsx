import type { CatalogRefresh } from '../../../main/servers/sm/api-types';

type Diff = NonNullable<CatalogRefresh['diff']>;
type FieldChange = NonNullable<Diff['plans']['fields']>[string][number];

const KINDS = ['added', 'removed', 'changed'] as const;
const SIGNS = { added: '+', removed: '−', changed: '~' } as const;

/** `description: "old" → "new"`; a field new or gone shows its one side. */
const fieldText = ({ field, before, after }: FieldChange) =>
  `${field}: ${before ?? '(none)'} → ${after ?? '(removed)'}`;

/** What a refresh changed: offerings and plans added, removed and changed, with the fields that changed. */
export function RefreshDiff({ diff }: { diff: Diff }) {
  const lines = (['offerings', 'plans'] as const).flatMap((part) =>
    KINDS.flatMap((kind) =>
      diff[part][kind].map((name) => ({
        part,
        kind,
        name,
        fields: kind === 'changed' ? (diff[part].fields?.[name] ?? []) : [],
      })),
    ),
  );
  if (lines.length === 0) return <span className="muted">no change</span>;
  return (
    <ul className="diff" data-testid="refresh-diff">
      {lines.map((line) => (
        <li key={`${line.part}-${line.kind}-${line.name}`} className={`diff-${line.kind}`}>
          {SIGNS[line.kind]} {line.part.slice(0, -1)} {line.name}
          {line.fields.length > 0 ? (
            <ul className="diff-fields">
              {line.fields.map((change) => (
                <li key={change.field}>
                  <code>{fieldText(change)}</code>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
