/** Now, as the ISO 8601 timestamps every record and run carries. */
export const nowIso = (): string => new Date().toISOString();
