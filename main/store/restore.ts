type Json = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const idOf = (value: unknown) =>
  isContainer(value) && !Array.isArray(value) && typeof value.id === 'string' ? value.id : undefined;

/**
 * Makes `target` deep-equal to `source` while keeping every object of `target` that still has a place in it,
 * so sections and records held by callers stay the live ones. Array items with an `id` are matched by id
 * (a record's object keeps meaning that record), others by position.
 */
export function restoreInPlace(target: object, source: object): void {
  if (Array.isArray(target) && Array.isArray(source)) {
    const byId = new Map(target.map((item) => [idOf(item), item]));
    // Each object of `target` is adopted once at most: two items sharing an id (or a position taken by id
    // elsewhere) must not become one object.
    const adopted = new Set<unknown>();
    const items = source.map((item, index) => {
      const id = idOf(item);
      const current = id === undefined ? target[index] : byId.get(id);
      if (adopted.has(current)) return adopt(undefined, item);
      adopted.add(current);
      return adopt(current, item);
    });
    target.splice(0, target.length, ...items);
    return;
  }
  const object = target as Record<string, unknown>;
  const from = source as Record<string, unknown>;
  for (const key of Object.keys(object)) if (!Object.hasOwn(from, key)) delete object[key];
  // defineProperty, as JSON.parse does, so a stored `__proto__` key stays a key.
  for (const [key, value] of Object.entries(from))
    Object.defineProperty(object, key, {
      value: adopt(Object.hasOwn(object, key) ? object[key] : undefined, value),
      writable: true,
      enumerable: true,
      configurable: true,
    });
}

/** `current` brought back to `wanted` if both are containers of the same kind, else `wanted` itself. */
function adopt(current: unknown, wanted: unknown): unknown {
  if (!isContainer(current) || !isContainer(wanted) || Array.isArray(current) !== Array.isArray(wanted))
    return wanted;
  if (idOf(current) !== idOf(wanted)) return wanted;
  restoreInPlace(current, wanted);
  return current;
}
