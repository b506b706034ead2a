import type { CatalogRefresh } from '../../../main/servers/sm/api-types';

const KINDS = ['added', 'removed', 'changed'] as const;

/** What a refresh changed: offerings and plans added, removed and changed. */
export function RefreshDiff({ diff }: { diff: NonNullable<CatalogRefresh['diff']> }) {
  const lines = (['offerings', 'plans'] as const).flatMap((part) =>
    KINDS.flatMap((kind) => diff[part][kind].map((name) => ({ part, kind, name }))),
  );
  if (lines.length === 0) return <span className="muted">no change</span>;
  return (
    <ul className="diff" data-testid="refresh-diff">
      {lines.map((line) => (
        <li key={`${line.part}-${line.kind}-${line.name}`} className={`diff-${line.kind}`}>
          {line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : '~'} {line.part.slice(0, -1)}{' '}
          {line.name}
        </li>
      ))}
    </ul>
  );
}
