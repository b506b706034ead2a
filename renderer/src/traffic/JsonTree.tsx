import './json-tree.css';

/** Levels open at first; deeper objects start folded. */
const OPEN_DEPTH = 4;

function Key({ name }: { name: string | undefined }) {
  return name === undefined ? null : <span className="json-key">{JSON.stringify(name)}: </span>;
}

function JsonNode({ name, value, depth }: { name?: string; value: unknown; depth: number }) {
  if (value === null || typeof value !== 'object') {
    const kind = value === null ? 'null' : typeof value;
    return (
      <div className="json-leaf">
        <Key name={name} />
        <span className={`json-${kind}`}>{JSON.stringify(value)}</span>
      </div>
    );
  }
  const list = Array.isArray(value);
  const entries: Array<[string, unknown]> = list
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  const [open, close] = list ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0)
    return (
      <div className="json-leaf">
        <Key name={name} />
        {open}
        {close}
      </div>
    );
  const count = `${entries.length} ${list ? (entries.length === 1 ? 'item' : 'items') : entries.length === 1 ? 'key' : 'keys'}`;
  return (
    <details className="json-node" open={depth < OPEN_DEPTH}>
      <summary>
        <Key name={name} />
        {open}
        <span className="json-folded">
          {' '}
          … {count} {close}
        </span>
      </summary>
      <div className="json-children">
        {entries.map(([key, item]) => (
          <JsonNode key={key} name={list ? undefined : key} value={item} depth={depth + 1} />
        ))}
      </div>
      <div>{close}</div>
    </details>
  );
}

/** A JSON value whose objects and arrays fold (click or Enter/Space on their first line). */
export function JsonTree({ value, testId }: { value: unknown; testId?: string }) {
  return (
    <div className="json-tree body" data-testid={testId}>
      <JsonNode value={value} depth={0} />
    </div>
  );
}
