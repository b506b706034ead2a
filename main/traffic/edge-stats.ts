import {
  brokerNode,
  edgeKey,
  type HopEnds,
  type LandscapeEdgeEnds,
  landscapeEdgeOf,
} from '../../shared/landscape-edges';
import type { SimEvent } from '../core/events';

/** The rate of an edge is its calls over this many latest seconds. */
export const RATE_WINDOW_SECONDS = 5;
/** The p50 latency of an edge is of its latest this many calls. */
export const LATENCY_SAMPLES = 256;

/** What the Landscape shows on one edge. */
export interface EdgeStatsView extends LandscapeEdgeEnds {
  /** Calls that crossed it since the simulator started or the traffic was last cleared. */
  total: number;
  /** Calls answered 5xx or not at all (timeout, refused connection, cut off). */
  errors: number;
  /** Calls answered 4xx. */
  refused: number;
  /** Median duration of the latest `LATENCY_SAMPLES` calls; null before the first. */
  p50Ms: number | null;
  /** Calls per second over the latest `RATE_WINDOW_SECONDS`. */
  ratePerSecond: number;
  /** The status of the latest call (null: no answer) and when it ended; absent before the first. */
  last?: { status: number | null; at: string };
}

interface ExchangeEvent extends HopEnds {
  status: number | null;
  durationMs: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

class EdgeCounter {
  total = 0;
  errors = 0;
  refused = 0;
  #last: { status: number | null; at: number } | undefined;
  readonly #latencies = new Float64Array(LATENCY_SAMPLES);
  /** Calls per second of the rate window, in a ring indexed by epoch second. */
  readonly #seconds = new Float64Array(RATE_WINDOW_SECONDS).fill(-1);
  readonly #perSecond = new Uint32Array(RATE_WINDOW_SECONDS);

  add(status: number | null, durationMs: number, atMs: number): void {
    this.#latencies[this.total % LATENCY_SAMPLES] = durationMs;
    this.total++;
    if (status === null || status >= 500) this.errors++;
    else if (status >= 400) this.refused++;
    this.#last = { status, at: atMs };
    const second = Math.floor(atMs / 1000);
    const slot = second % RATE_WINDOW_SECONDS;
    if (this.#seconds[slot] !== second) {
      this.#seconds[slot] = second;
      this.#perSecond[slot] = 0;
    }
    this.#perSecond[slot]!++;
  }

  view(ends: LandscapeEdgeEnds, nowMs: number): EdgeStatsView {
    const samples = this.#latencies.slice(0, Math.min(this.total, LATENCY_SAMPLES)).sort();
    const view: EdgeStatsView = {
      ...ends,
      total: this.total,
      errors: this.errors,
      refused: this.refused,
      p50Ms: samples.length > 0 ? round1(samples[Math.ceil(samples.length / 2) - 1]!) : null,
      ratePerSecond: this.#rate(nowMs),
    };
    if (this.#last) view.last = { status: this.#last.status, at: new Date(this.#last.at).toISOString() };
    return view;
  }

  /** Calls of the window's whole seconds and the current part-second, over the time they span. */
  #rate(nowMs: number): number {
    const now = Math.floor(nowMs / 1000);
    const oldest = now - RATE_WINDOW_SECONDS + 1;
    let calls = 0;
    for (let slot = 0; slot < RATE_WINDOW_SECONDS; slot++) {
      const second = this.#seconds[slot]!;
      if (second >= oldest && second <= now) calls += this.#perSecond[slot]!;
    }
    return round1(calls / ((nowMs - oldest * 1000) / 1000));
  }
}

const ZERO = new EdgeCounter();

/**
 * Counts per Landscape edge, fed by the event bus: each captured exchange once, when it ends (see
 * `landscapeEdgeOf` for what is left out: calls in flight, imported ones, hops that are no edge); a Clear of the traffic starts them again, and a removed broker's
 * edge goes with it, so a broker registered again under its name starts from nothing.
 */
export class EdgeStats {
  readonly #edges = new Map<string, EdgeCounter>();

  readonly observe = (event: SimEvent): void => {
    if (event.type === 'traffic.exchange') this.#count(event.data as ExchangeEvent, Date.parse(event.at));
    else if (event.type === 'traffic.cleared') this.#edges.clear();
    else if (event.type === 'sm.broker') this.#forgetRemoved(event.data as BrokerEvent);
  };

  /** The edge's counts now (all zero when no call crossed it yet). */
  view(ends: LandscapeEdgeEnds, nowMs = Date.now()): EdgeStatsView {
    return (this.#edges.get(edgeKey(ends)) ?? ZERO).view(ends, nowMs);
  }

  #count(exchange: ExchangeEvent, atMs: number): void {
    const ends = landscapeEdgeOf(exchange);
    if (!ends) return;
    const key = edgeKey(ends);
    const counter = this.#edges.get(key) ?? new EdgeCounter();
    this.#edges.set(key, counter);
    counter.add(exchange.status, exchange.durationMs, atMs);
  }

  #forgetRemoved({ action, broker }: BrokerEvent): void {
    if (action !== 'deleted') return;
    const node = brokerNode(broker.name);
    for (const key of this.#edges.keys()) if (key.endsWith(`|${node}`)) this.#edges.delete(key);
  }
}

interface BrokerEvent {
  action: string;
  broker: { name: string };
}
