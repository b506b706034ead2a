/** One finding about a catalog: `path` points into the catalog (e.g. `services[1].plans[0].id`). */
export interface CatalogProblem {
  severity: 'error' | 'warning';
  path: string;
  /** A stable kebab-case id, e.g. `duplicate-plan-id`. */
  code: string;
  /** A sentence naming the offending value and what to do. */
  message: string;
}

/** The path of problems about the catalog as a whole. */
export const ROOT_PATH = '(root)';

export class ProblemList {
  readonly items: CatalogProblem[] = [];

  error(path: string, code: string, message: string): void {
    this.items.push({ severity: 'error', path, code, message });
  }

  warning(path: string, code: string, message: string): void {
    this.items.push({ severity: 'warning', path, code, message });
  }

  hasErrors(): boolean {
    return this.items.some((problem) => problem.severity === 'error');
  }
}

export type JsonRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** OSB brokers often send `null` for optional fields; it means absent, as platforms read it. */
export const isAbsent = (value: unknown): value is null | undefined => value === undefined || value === null;

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (base === '') return segment;
  return segment.startsWith('[') ? `${base}${segment}` : `${base}.${segment}`;
}

/** A short, safe rendering of any value for a message (never throws, even for objects without a prototype). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
