import type { EventBus } from '../core/events';
import type { BrokerNames } from './classify';
import { buildExchange, endExchange, weightOf } from './exchange';
import { exchangeEvent, insertByStart, shareBodies } from './flow-hops';
import { pageOf } from './flow-page';
import { type FlowFilter, flowMatcher, summarize } from './flows';
import { placeImported } from './import-order';
import { OperationJoins } from './operation-joins';
import { createRedactor, type Redactor } from './redact';
import { addSearchBody, addSearchHop, removeSearchHop, type Searchable, searchable } from './search';
import {
  DEFAULT_BUFFER_SIZE,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_BUFFER_BYTES,
  type FlowPage,
  type FlowQuery,
  type TrafficState,
  type TrafficStoreOptions,
} from './store-types';
import type {
  Exchange,
  ExchangeEnd,
  ExchangeInput,
  ExchangeStart,
  FlowDetail,
  FlowSummary,
  SpecNote,
} from './types';

interface Flow extends Searchable {
  id: string;
  seq: number;
  /** Sorted by start time (a hop is stored as its request goes out; imported ones may come in any order). */
  hops: Exchange[];
  summary: FlowSummary;
  alive: boolean;
}

/** The captured exchanges of a simulator: a ring buffer with an index of flows, newest flows first. */
export class TrafficStore {
  readonly capacity: number;
  readonly maxBodyBytes: number;
  readonly maxBufferBytes: number;
  readonly #redactor: Redactor;
  readonly #events: EventBus | undefined;
  #ring: Array<Exchange | undefined>;
  /** `weightOf` of the exchange at the same ring index. */
  #weights: Float64Array;
  #head = 0;
  #size = 0;
  #bytes = 0;
  #nextSeq = 1;
  readonly #flows = new Map<string, Flow>();
  /** Flows in creation order (so by seq); evicted ones are dropped lazily. */
  #order: Flow[] = [];
  #deadInOrder = 0;
  #paused = false;
  readonly #joins = new OperationJoins();
  #brokerNames: BrokerNames | undefined;

  constructor(options: TrafficStoreOptions = {}) {
    this.capacity = Math.max(1, Math.floor(options.capacity ?? DEFAULT_BUFFER_SIZE));
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.maxBufferBytes = options.maxBufferBytes ?? DEFAULT_MAX_BUFFER_BYTES;
    this.#redactor = createRedactor(options.secrets ?? options.redact);
    this.#events = options.events;
    this.#ring = new Array(this.capacity);
    this.#weights = new Float64Array(this.capacity);
  }

  get size(): number {
    return this.#size;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** How exchanges that carry only a broker's SM id get its name (set once the SM exists). */
  nameBrokers(names: BrokerNames): void {
    this.#brokerNames = names;
  }

  /** Stores a captured exchange (redacted, truncated); nothing while capture is paused. */
  record(input: ExchangeInput): Exchange | undefined {
    return this.#paused ? undefined : this.#append(input);
  }

  /** Stores exchanges whatever the pause state (an import is an explicit act); new flows list by start time. */
  insert(inputs: readonly ExchangeInput[]): Exchange[] {
    const firstSeq = this.#nextSeq;
    const exchanges = inputs.map((input) => this.#append(input));
    this.#order = placeImported(this.#order, firstSeq);
    return exchanges;
  }

  /**
   * Stores a request as it goes out, listed at once (a flow's first request makes the flow) and pending
   * until `complete` brings its answer; nothing while capture is paused.
   */
  begin(start: ExchangeStart): Exchange | undefined {
    if (this.#paused) return undefined;
    const { exchange, flow } = this.#store({ ...start, durationMs: 0 }, true);
    this.#events?.emit('traffic.started', exchangeEvent(exchange, flow.summary));
    return exchange;
  }

  /** The answer (or failure) of an exchange `begin` stored; nothing when it was evicted or cleared meanwhile. */
  complete(exchange: Exchange | undefined, end: ExchangeEnd): void {
    if (!exchange?.pending) return;
    const index = this.#ringIndex(exchange.seq);
    if (index === undefined || this.#ring[index] !== exchange) return;
    const flow = this.#flows.get(exchange.flowId)!;
    endExchange(exchange, end, this.#redactor, this.maxBodyBytes);
    const weight = weightOf(exchange);
    this.#bytes += weight - this.#weights[index]!;
    this.#weights[index] = weight;
    shareBodies(flow.hops, exchange);
    if (end.request) addSearchBody(flow, exchange.request.body);
    addSearchBody(flow, exchange.response?.body);
    flow.summary = summarize(flow.id, flow.seq, flow.hops);
    this.#events?.emit('traffic.exchange', exchangeEvent(exchange, flow.summary));
    while (this.#bytes > this.maxBufferBytes && this.#size > 1) this.#evictOldest();
  }

  /**
   * Files the hops of flow `flowId`, from now on, under the flow `intoFlowId` as `step`: a later call of the
   * operation that flow began (a poll, the orphan mitigation). False when that flow is not held.
   */
  join(flowId: string, intoFlowId: string, step: string): boolean {
    const into = this.#joins.of(intoFlowId)?.flowId ?? intoFlowId;
    if (!this.#flows.has(into)) return false;
    this.#joins.join(flowId, into, step);
    return true;
  }

  hasFlow(flowId: string): boolean {
    return this.#flows.has(flowId);
  }

  exchange(id: string): Exchange | undefined {
    const index = this.#ringIndex(Number(id));
    return index === undefined ? undefined : this.#ring[index];
  }

  /** Attaches a note to a stored exchange (e.g. a broker's deviation from the spec); false when it is gone. */
  addNote(exchangeId: string, note: SpecNote): boolean {
    const exchange = this.exchange(exchangeId);
    const flow = exchange && this.#flows.get(exchange.flowId);
    if (!exchange || !flow) return false;
    exchange.notes.push({ ...note });
    flow.summary = summarize(flow.id, flow.seq, flow.hops);
    this.#events?.emit('traffic.note', { exchangeId, flowId: flow.id, note, flow: flow.summary });
    return true;
  }

  summary(flowId: string): FlowSummary | undefined {
    return this.#flows.get(flowId)?.summary;
  }

  get(flowId: string): FlowDetail | undefined {
    const flow = this.#flows.get(flowId);
    return flow && { ...flow.summary, hops: [...flow.hops] };
  }

  /** Matching flows, newest first (see `pageOf`). */
  list(query: FlowQuery = {}): FlowPage {
    return { ...pageOf(this.#order, query), total: this.#flows.size };
  }

  /** The exchanges of the matching flows in the order they were sent (for the HAR export). */
  exchanges(filter: FlowFilter = {}): Exchange[] {
    const matches = flowMatcher(filter);
    const result: Exchange[] = [];
    for (const flow of this.#flows.values())
      if (matches(flow)) for (const hop of flow.hops) if (!hop.pending) result.push(hop);
    return result.sort((a, b) => a.startMs - b.startMs || a.seq - b.seq);
  }

  clear(): void {
    this.#ring = new Array(this.capacity);
    this.#weights = new Float64Array(this.capacity);
    this.#head = 0;
    this.#size = 0;
    this.#bytes = 0;
    this.#flows.clear();
    this.#order = [];
    this.#deadInOrder = 0;
    this.#joins.clear();
    this.#events?.emit('traffic.cleared', {});
  }

  pause(): void {
    this.#setPaused(true);
  }

  resume(): void {
    this.#setPaused(false);
  }

  state(): TrafficState {
    return {
      paused: this.#paused,
      size: this.#size,
      capacity: this.capacity,
      flows: this.#flows.size,
      bytes: this.#bytes,
      maxBytes: this.maxBufferBytes,
    };
  }

  #setPaused(paused: boolean): void {
    if (this.#paused === paused) return;
    this.#paused = paused;
    this.#events?.emit('traffic.state', { paused });
  }

  #append(input: ExchangeInput): Exchange {
    const { exchange, flow } = this.#store(input, false);
    this.#events?.emit('traffic.exchange', exchangeEvent(exchange, flow.summary));
    return exchange;
  }

  /** Puts an exchange in the ring and its flow (the flow of the operation it is a step of, if joined). */
  #store(input: ExchangeInput, pending: boolean): { exchange: Exchange; flow: Flow } {
    if (this.#size === this.capacity) this.#evictOldest();
    const joined = this.#joins.of(input.flowId);
    const exchange = buildExchange(
      joined ? { ...input, flowId: joined.flowId, step: joined.step } : input,
      this.#nextSeq++,
      this.#redactor,
      this.maxBodyBytes,
      this.#brokerNames,
    );
    if (pending) exchange.pending = true;
    const index = (this.#head + this.#size) % this.capacity;
    this.#ring[index] = exchange;
    this.#weights[index] = weightOf(exchange);
    this.#bytes += this.#weights[index]!;
    this.#size++;
    while (this.#bytes > this.maxBufferBytes && this.#size > 1) this.#evictOldest();
    return { exchange, flow: this.#attach(exchange) };
  }

  /** Where the exchange `seq` is in the ring; undefined when it is not held. */
  #ringIndex(seq: number): number | undefined {
    const oldest = this.#ring[this.#head];
    const position = seq - (oldest?.seq ?? 0);
    if (!oldest || !Number.isInteger(position) || position < 0 || position >= this.#size) return undefined;
    return (this.#head + position) % this.capacity;
  }

  #attach(exchange: Exchange): Flow {
    const existing = this.#flows.get(exchange.flowId);
    if (existing) {
      shareBodies(existing.hops, exchange);
      insertByStart(existing.hops, exchange);
      addSearchHop(existing, exchange);
      existing.summary = summarize(existing.id, existing.seq, existing.hops);
      return existing;
    }
    const { flowId: id, seq } = exchange;
    const summary = summarize(id, seq, [exchange]);
    const flow: Flow = { id, seq, hops: [exchange], summary, ...searchable(id), alive: true };
    addSearchHop(flow, exchange);
    this.#flows.set(id, flow);
    this.#order.push(flow);
    return flow;
  }

  #evictOldest(): void {
    const exchange = this.#ring[this.#head]!;
    this.#ring[this.#head] = undefined;
    this.#bytes -= this.#weights[this.#head]!;
    this.#head = (this.#head + 1) % this.capacity;
    this.#size--;
    const flow = this.#flows.get(exchange.flowId)!;
    flow.hops.splice(flow.hops.indexOf(exchange), 1);
    if (flow.hops.length > 0) {
      removeSearchHop(flow, exchange);
      flow.summary = summarize(flow.id, flow.seq, flow.hops);
      return;
    }
    flow.alive = false;
    this.#flows.delete(flow.id);
    this.#joins.forget(flow.id);
    if (++this.#deadInOrder > 1024 && this.#deadInOrder * 2 > this.#order.length) {
      this.#order = this.#order.filter((candidate) => candidate.alive);
      this.#deadInOrder = 0;
    }
  }
}
