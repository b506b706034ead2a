/** The JSON a body holds, or undefined when it is not JSON. */
export function parsedBody(body: string | undefined): { value: unknown } | undefined {
  if (!body) return undefined;
  try {
    return { value: JSON.parse(body) };
  } catch {
    return undefined;
  }
}

/** A body as shown: JSON indented, anything else as it came. */
export function prettyBody(body: string | undefined): string {
  const json = parsedBody(body);
  return json ? JSON.stringify(json.value, null, 2) : (body ?? '');
}
