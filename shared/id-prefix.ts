/**
 * Whether `id` starts with `prefix`, ignoring case: the Traffic list shows the first 8 characters of an
 * instance id, so its Instance filter takes any start of the id (the server's filter and the UI's instant
 * one both use this, so they agree).
 */
export function startsWithId(id: string | undefined, prefix: string): boolean {
  return id?.toLowerCase().startsWith(prefix.toLowerCase()) ?? false;
}
