import type { OsbOperation } from '../../../main/core/osb/endpoint-types';

/**
 * Every OSB operation once, in the order the filters offer them. The UI may import `main/` only as types, so
 * the names are listed here and checked against the one list: a name missing or extra fails the typecheck.
 */
const OFFERED = {
  catalog: true,
  provision: true,
  update: true,
  deprovision: true,
  bind: true,
  unbind: true,
  lastOperation: true,
  bindingLastOperation: true,
  fetchInstance: true,
  fetchBinding: true,
} as const satisfies Record<OsbOperation, true>;

export const OPERATIONS = Object.keys(OFFERED) as readonly OsbOperation[];

export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx', 'error'] as const;

/** The filters of the Traffic view, as the query of `GET /api/flows` takes them; '' is no filter. */
export interface FlowFilters {
  text: string;
  platform: string;
  broker: string;
  operation: string;
  status: string;
  instance: string;
}

export const NO_FILTERS: FlowFilters = {
  text: '',
  platform: '',
  broker: '',
  operation: '',
  status: '',
  instance: '',
};

/** The query string of the filters that are set. */
export function queryOf(filters: FlowFilters, extra: Record<string, string | number> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value.trim()) query.set(name, value.trim());
  for (const [name, value] of Object.entries(extra)) query.set(name, String(value));
  return query.toString();
}
