const SEPARATOR = /\s+and(?:\s+|$)/y;

/**
 * Cuts a query at every ` and ` outside single quotes. A quote left open swallows the rest of the
 * query into the last piece, where the criterion parser reports it with its context.
 */
export function splitCriteria(query: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  let quoted = false;
  for (let pos = 0; pos < query.length; pos++) {
    const char = query[pos]!;
    if (char === "'") quoted = !quoted;
    if (quoted || !/\s/.test(char)) continue;
    SEPARATOR.lastIndex = pos;
    if (!SEPARATOR.test(query)) continue;
    pieces.push(query.slice(start, pos));
    start = SEPARATOR.lastIndex;
    pos = start - 1;
  }
  pieces.push(query.slice(start));
  return pieces;
}
