export function startBareExpress(count: number): Promise<{ urls: string[]; close(): Promise<unknown> }>;
