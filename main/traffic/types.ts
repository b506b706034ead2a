import type { OsbOperation } from '../../shared/osb-operations';

/**
 * The hops of a flow. `client→broker` is a workflow calling a broker directly (the conformance check);
 * `other` is an exchange imported from a HAR file made elsewhere (no `_hop`).
 */
export const hops = [
  'platform→proxy',
  'proxy→sm',
  'sm→broker',
  'client→proxy',
  'client→sm',
  'client→broker',
  'other',
] as const;
export type Hop = (typeof hops)[number];

export { type OsbOperation, osbOperations } from '../../shared/osb-operations';

/** A remark on an exchange, e.g. a broker's deviation from the OSB spec. */
export interface SpecNote {
  level: 'info' | 'warn' | 'error';
  code: string;
  message: string;
}

export interface OsbInfo {
  operation: OsbOperation;
  instanceId?: string;
  bindingId?: string;
  /** The platform the call was made for (a platform name such as `cf-dev`). */
  platform?: string;
  brokerId?: string;
  /** The SM's name of the broker `brokerId` names (resolved when the exchange is recorded). */
  broker?: string;
  /** `X-Broker-API-Version` of the request. */
  apiVersion?: string;
}

/**
 * One side of an exchange as stored: header names lower-case, secrets redacted. A body over the size limit
 * is replaced by the marker `{"_truncated":true,"size":N,"preview":"…"}` (see `sanitize.ts`) and
 * `truncated` is set; `size` is the byte size of the body as it was sent.
 */
export interface CapturedMessage {
  headers: Record<string, string>;
  body?: string;
  size: number;
  truncated?: true;
}

export interface CapturedResponse extends CapturedMessage {
  status: number;
}

export interface Exchange {
  /** Unique in the store; the decimal form of `seq`. */
  id: string;
  /** Order of recording, strictly increasing. */
  seq: number;
  flowId: string;
  hop: Hop;
  /** Node names: a platform (`cf-dev`), `proxy:cf-dev`, `sm`, `broker:sample`, `client`. */
  from: string;
  to: string;
  method: string;
  /** Userinfo (user:password@) removed. */
  url: string;
  request: CapturedMessage;
  /** Missing when no answer came (see `error`). */
  response?: CapturedResponse;
  /** ISO time the request was sent. */
  startedAt: string;
  /** The same instant in epoch milliseconds, sub-millisecond precise: orders the hops of a flow. */
  startMs: number;
  durationMs: number;
  /** Why there is no response: `timeout`, `unreachable`, or another failure's message. */
  error?: string;
  /** The underlying cause of `error` (e.g. `ECONNREFUSED`), when known. */
  errorDetail?: string;
  notes: SpecNote[];
  osb?: OsbInfo;
  /** Read from a HAR file, not captured here. */
  imported?: true;
  /** Sent, its answer not in yet: `response`, `error` and `durationMs` (0 until then) come with the answer. */
  pending?: true;
  /** Its part in an operation begun by an earlier call of the flow: `poll 1`, `orphan mitigation`… */
  step?: string;
}

/** A request or response as captured, before redaction and truncation. */
export interface RawMessage {
  headers: Record<string, string>;
  body?: string;
  /** Byte size of the whole body when `body` holds only its start. */
  size?: number;
  /** false when `body` is only the start of the body: no preview can be redacted safely. */
  complete?: boolean;
}

/** What a capture hands to the store. */
export interface ExchangeInput {
  flowId: string;
  hop: Hop;
  from: string;
  to: string;
  method: string;
  url: string;
  request: RawMessage;
  response?: RawMessage & { status: number };
  startMs: number;
  durationMs: number;
  error?: string;
  errorDetail?: string;
  notes?: SpecNote[];
  /** Known from outside the message (e.g. the platform or broker id); merged over the classifier's. */
  osb?: Partial<OsbInfo>;
  imported?: true;
  /** See `Exchange.step`. */
  step?: string;
}

/** What a capture knows when a request goes out (`TrafficStore.begin`). */
export type ExchangeStart = Omit<ExchangeInput, 'response' | 'durationMs' | 'error' | 'errorDetail'>;

/** What it learns when the answer is in, or the call failed (`TrafficStore.complete`). */
export type ExchangeEnd = Pick<
  ExchangeInput,
  'response' | 'durationMs' | 'error' | 'errorDetail' | 'notes'
> & {
  /** The request again, when its body was read only while the answer was made (a server's own capture). */
  request?: RawMessage;
};

/**
 * How the operation a flow stands for ended: a synchronous answer decides at once, an accepted (202) one by
 * its last poll; `pending` while the answer or the operation is still to come.
 */
export type FlowOutcome = 'succeeded' | 'failed' | 'pending';

/** One row of the Traffic view. */
export interface FlowSummary {
  id: string;
  /** The seq of the flow's first recorded exchange: the paging cursor. */
  seq: number;
  startedAt: string;
  platform?: string;
  operation?: OsbOperation;
  instanceId?: string;
  bindingId?: string;
  /** The broker's name (its `broker:<name>` node, else the SM's name of its id), else its id. */
  broker?: string;
  /** The status the initiator got (the first hop's); null when it got no answer. */
  status: number | null;
  error?: string;
  /** From the first request sent to the last answer received. */
  durationMs: number;
  hopCount: number;
  hasNotes: boolean;
  /** Its exchanges were read from a HAR file. */
  imported?: true;
  /** The gravest level of its spec notes, when it has some. */
  noteLevel?: SpecNote['level'];
  /** Some hop of the flow awaits its answer. */
  pending?: true;
  outcome: FlowOutcome;
}

export interface FlowDetail extends FlowSummary {
  /** In the order they were sent. */
  hops: Exchange[];
}
