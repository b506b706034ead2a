import { osbOperations } from '../../shared/osb-operations';
import { type FlowFilters, NO_FILTERS, STATUS_CLASSES } from './traffic/flow-query';
import { VIEWS } from './view-list';

/**
 * What the URL says: the view and its state, in the hash (`#/traffic?platform=cf-dev&flow=…`), so a reload,
 * a pasted link or the back button opens the same screen. Pure functions of strings (no `window`): the
 * navigation hooks read and write the location with them.
 */
export type ViewId = (typeof VIEWS)[number]['id'];

export interface Place {
  view: ViewId;
  /** The view's state: the query part of the hash, names and values decoded. */
  params: URLSearchParams;
}

const DEFAULT_VIEW: ViewId = 'landscape';

export function parsePlace(hash: string): Place {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split(/\?(.*)/s);
  const view = VIEWS.find((candidate) => candidate.id === path)?.id ?? DEFAULT_VIEW;
  return { view, params: new URLSearchParams(query) };
}

/**
 * The hash of a view with the given state; empty values are left out, so an unfiltered view is `#/traffic`.
 * Values are kept as typed (a text filter may end in the space before its next word).
 */
export function formatPlace(view: ViewId, params: Record<string, string | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const encoded = query.toString();
  return `#/${view}${encoded ? `?${encoded}` : ''}`;
}

export const viewHref = (view: ViewId) => formatPlace(view);

/** The Traffic view's state: its filters, the flow whose hops are shown and the hop opened in it. */
export interface TrafficPlace {
  filters: FlowFilters;
  flow: string | null;
  hop: string | null;
}

/** Values the filter controls cannot show (an unknown operation or status class) are dropped, not sent. */
const filterChecks: Partial<Record<keyof FlowFilters, (value: string) => boolean>> = {
  operation: (value) => (osbOperations as readonly string[]).includes(value),
  status: (value) => (STATUS_CLASSES as readonly string[]).includes(value),
};

export function trafficPlaceOf(params: URLSearchParams): TrafficPlace {
  const filters = { ...NO_FILTERS };
  for (const name of Object.keys(NO_FILTERS) as Array<keyof FlowFilters>) {
    const value = params.get(name) ?? '';
    if (filterChecks[name]?.(value) !== false) filters[name] = value;
  }
  const flow = params.get('flow') || null;
  return { filters, flow, hop: (flow && params.get('hop')) || null };
}

/** The Traffic view filtered by `filters` (those not given are unset), with `flow` shown and its `hop` open. */
export const trafficHref = (
  filters: Partial<FlowFilters> = {},
  flow: string | null = null,
  hop: string | null = null,
) => formatPlace('traffic', { ...filters, flow, hop: flow ? hop : null });

/** One flow, shown in an unfiltered Traffic view; with `hopId`, that exchange of it opened. */
export const flowHref = (flowId: string, hopId: string | null = null) => trafficHref({}, flowId, hopId);

/** The Instances view with one instance picked out (scrolled to, highlighted). */
export const instanceHref = (instanceId: string) => formatPlace('instances', { instance: instanceId });

export const instancePlaceOf = (params: URLSearchParams) => ({ instance: params.get('instance') || null });
