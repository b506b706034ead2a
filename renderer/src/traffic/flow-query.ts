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
