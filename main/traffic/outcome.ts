import { parseJson } from '../core/parse-json';
import { judgePoll } from '../core/platform/polling';
import type { OperationType } from '../core/platform/state';
import type { Exchange, FlowOutcome, OsbOperation } from './types';

/** The step of the mitigating DELETEs (and their polls) after a create the platform cannot trust. */
export const ORPHAN_MITIGATION_STEP = 'orphan mitigation';

/** The step of the `n`th `last_operation` poll, e.g. `poll 2` or `orphan mitigation poll 1`. */
export const pollStep = (n: number, of?: string): string => (of ? `${of} poll ${n}` : `poll ${n}`);

/** The note a platform attaches to its last poll when it stops polling at the deadline: the operation failed. */
export const POLLING_STOPPED_NOTE = 'PollingStopped';

const operationTypes: Partial<Record<OsbOperation, OperationType>> = {
  provision: 'create',
  bind: 'create',
  update: 'update',
  deprovision: 'delete',
  unbind: 'delete',
};

const isOwnPoll = (hop: Exchange, outer: Exchange) =>
  hop.hop === outer.hop && /^poll \d+$/.test(hop.step ?? '');

/** The verdict of the last poll the initiator got, by the platform's own rule (`judgePoll`). */
function polledOutcome(hops: readonly Exchange[], type: OperationType): FlowOutcome {
  const outer = hops[0]!;
  let last: Exchange | undefined;
  for (const hop of hops) if (isOwnPoll(hop, outer)) last = hop;
  if (!last?.response) return 'pending';
  const { status, headers, body = '' } = last.response;
  const verdict = judgePoll(type, { kind: 'answer', status, headers, text: body, body: parseJson(body) });
  if (verdict.state !== 'in progress') return verdict.state;
  return last.notes.some((note) => note.code === POLLING_STOPPED_NOTE) ? 'failed' : 'pending';
}

/**
 * Whether a flow still waits for an answer, and how its operation ended. The first hop is the initiator's
 * call: no answer fails it; a 202 is decided by its polls; orphan mitigation means the create failed.
 */
export function liveStateOf(hops: readonly Exchange[]): { pending?: true; outcome: FlowOutcome } {
  const first = hops[0]!;
  const pending = hops.some((hop) => hop.pending) ? { pending: true as const } : {};
  if (first.pending) return { ...pending, outcome: 'pending' };
  if (hops.some((hop) => hop.step?.startsWith(ORPHAN_MITIGATION_STEP)))
    return { ...pending, outcome: 'failed' };
  const status = first.response?.status;
  const type = first.osb && operationTypes[first.osb.operation];
  if (status === 202 && type) return { ...pending, outcome: polledOutcome(hops, type) };
  const done =
    status !== undefined && ((status >= 200 && status < 300) || (status === 410 && type === 'delete'));
  return { ...pending, outcome: done ? 'succeeded' : 'failed' };
}
