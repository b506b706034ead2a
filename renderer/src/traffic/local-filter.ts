import type { FlowSummary } from '../../../main/traffic/types';
import { startsWithId } from '../../../shared/id-prefix';
import type { FlowFilters } from './flow-query';

const statusMatches = (status: string, code: number | null) => {
  if (status === 'error') return code === null;
  if (/^[1-5]xx$/i.test(status)) return code !== null && Math.floor(code / 100) === Number(status[0]);
  return code === Number(status);
};

/**
 * The rows already shown that surely match new filters, judged from their summaries alone: what the list
 * shows in the same frame as a keystroke, until the server's complete answer (which also searches URLs and
 * bodies) replaces it. Every field checked here is one the server's text search covers too.
 */
export function filterShown(flows: FlowSummary[], filters: FlowFilters): FlowSummary[] {
  const text = filters.text.trim().toLowerCase();
  const fields = (flow: FlowSummary) => [flow.id, flow.operation, flow.instanceId];
  return flows.filter(
    (flow) =>
      (!filters.platform || flow.platform === filters.platform) &&
      (!filters.broker.trim() || flow.broker === filters.broker.trim()) &&
      (!filters.operation || flow.operation === filters.operation) &&
      (!filters.status || statusMatches(filters.status, flow.status)) &&
      (!filters.instance.trim() || startsWithId(flow.instanceId, filters.instance.trim())) &&
      (!text || fields(flow).some((field) => field?.toLowerCase().includes(text))),
  );
}
