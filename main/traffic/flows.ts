import { startsWithId } from '../../shared/id-prefix';
import { gravestLevel } from './note-level';
import { liveStateOf } from './outcome';
import { escapeRegExp } from './redact';
import { foldedNeedle, searchedPart } from './search';
import { type Exchange, type FlowSummary, type OsbOperation, osbOperations } from './types';

export interface FlowFilter {
  platform?: string;
  /** A broker name or id. */
  broker?: string;
  operation?: OsbOperation;
  /** An exact code (`201`), a class (`4xx`), or `error` (no answer). */
  status?: string;
  /** Any start of an instance id (case-insensitive). */
  instance?: string;
  /** Case-insensitive substring of a hop's URL (with the ids) or body start, the operation, or the flow id. */
  text?: string;
}

/** What a filter looks at: a flow's summary, its hops and its precomputed search text (see `search.ts`). */
export interface FlowView {
  summary: FlowSummary;
  hops: readonly Exchange[];
  searchText: string | undefined;
  searchedAsIs: readonly string[];
}

export type FlowMatcher = (flow: FlowView) => boolean;

/** The summary of a flow's hops, sorted by start; `seq` is the flow's own (kept across evictions). */
export function summarize(id: string, seq: number, hops: readonly Exchange[]): FlowSummary {
  const first = hops[0]!;
  const summary: FlowSummary = {
    id,
    seq,
    startedAt: first.startedAt,
    status: first.response?.status ?? null,
    durationMs: 0,
    hopCount: hops.length,
    hasNotes: false,
    ...liveStateOf(hops),
  };
  if (first.error) summary.error = first.error;
  if (first.imported) summary.imported = true;
  let end = first.startMs + first.durationMs;
  let brokerId: string | undefined;
  let brokerName: string | undefined;
  for (const hop of hops) {
    end = Math.max(end, hop.startMs + hop.durationMs);
    if (hop.notes.length > 0) {
      summary.hasNotes = true;
      summary.noteLevel = gravestLevel(hop.notes, summary.noteLevel);
    }
    if (!summary.broker && hop.to.startsWith('broker:')) summary.broker = hop.to.slice('broker:'.length);
    const osb = hop.osb;
    if (!osb) continue;
    summary.operation ??= osb.operation;
    if (osb.platform) summary.platform ??= osb.platform;
    if (osb.instanceId) summary.instanceId ??= osb.instanceId;
    if (osb.bindingId) summary.bindingId ??= osb.bindingId;
    brokerName ??= osb.broker;
    brokerId ??= osb.brokerId;
  }
  const broker = summary.broker ?? brokerName ?? brokerId;
  if (broker) summary.broker = broker;
  summary.durationMs = Math.round((end - first.startMs) * 10) / 10;
  return summary;
}

function statusMatcher(status: string): (code: number | null) => boolean {
  if (status === 'error') return (code) => code === null;
  if (/^[1-5]xx$/i.test(status))
    return (code) => code !== null && Math.floor(code / 100) === Number(status[0]);
  return (code) => code === Number(status);
}

/**
 * Ids are matched in the URLs that carry them; the operation once per flow. A flow's folded search text
 * and its fields searched as they are answer with an `includes` each; flows too large to keep one, and needles holding its separator, are
 * searched hop by hop with the case-insensitive pattern (the same results either way).
 */
function textMatcher(text: string): FlowMatcher {
  const pattern = new RegExp(escapeRegExp(text), 'i');
  const found = (field: string | undefined) => field !== undefined && pattern.test(searchedPart(field));
  const inHop = (hop: Exchange) => found(hop.url) || found(hop.request.body) || found(hop.response?.body);
  const operations = new Set<string>(osbOperations.filter((operation) => found(operation)));
  const needle = foldedNeedle(text);
  const inOperation = (summary: FlowSummary) =>
    operations.size > 0 && summary.operation !== undefined && operations.has(summary.operation);
  return ({ summary, hops, searchText, searchedAsIs }) => {
    if (needle !== undefined && searchText !== undefined)
      return (
        searchText.includes(needle) ||
        searchedAsIs.some((field) => field.includes(needle)) ||
        inOperation(summary)
      );
    return found(summary.id) || inOperation(summary) || hops.some(inHop);
  };
}

/** One predicate for all the given filters (cheap summary checks first, the text search last). */
export function flowMatcher(filter: FlowFilter): FlowMatcher {
  const checks: FlowMatcher[] = [];
  const { platform, broker, operation, status, instance, text } = filter;
  if (platform) checks.push(({ summary }) => summary.platform === platform);
  if (broker)
    checks.push(
      ({ summary, hops }) => summary.broker === broker || hops.some((hop) => hop.osb?.brokerId === broker),
    );
  if (operation) checks.push(({ summary }) => summary.operation === operation);
  if (status) {
    const matches = statusMatcher(status);
    // A flow whose first call is still out has no status yet: it is not an "error" (no answer).
    checks.push(({ summary }) => matches(summary.status) && !(summary.status === null && summary.pending));
  }
  if (instance) checks.push(({ summary }) => startsWithId(summary.instanceId, instance));
  if (text) checks.push(textMatcher(text));
  return (flow) => checks.every((check) => check(flow));
}
