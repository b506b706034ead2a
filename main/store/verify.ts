import { isDeepStrictEqual } from 'node:util';

/** The first path at which `actual` differs from `expected`, e.g. `sm.instances[3].state`. */
function firstDifference(expected: unknown, actual: unknown, path: string): string | undefined {
  if (isDeepStrictEqual(expected, actual)) return undefined;
  if (typeof expected !== 'object' || typeof actual !== 'object' || expected === null || actual === null)
    return path || '(root)';
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys) {
    const at = Array.isArray(expected) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const found = firstDifference(
      (expected as Record<string, unknown>)[key],
      (actual as Record<string, unknown>)[key],
      at,
    );
    if (found) return found;
  }
  return path || '(root)';
}

/**
 * Throws when what disk holds is not the state in memory: a change made through a record reference kept from
 * before the update, which the journal did not see and a restart would lose.
 */
export function verifyDurable(durable: unknown, live: unknown, where: string): void {
  const at = firstDifference(live, durable, '');
  if (at)
    throw new Error(
      `Store check: what ${where} holds differs from memory at ${at}; a change there did not go through the state update() hands out.`,
    );
}

/** The state's text, or undefined where it cannot be serialised (the write refuses that itself). */
export function textOf(data: unknown): string | undefined {
  try {
    return JSON.stringify(data);
  } catch {
    return undefined;
  }
}
