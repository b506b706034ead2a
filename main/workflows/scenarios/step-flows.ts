import type { EventBus } from '../../core/events';
import type { TrafficStore } from '../../traffic';

/** The traffic events that name a flow: a call begun (in-flight capture) or ended. */
const FLOW_EVENTS = new Set(['traffic.started', 'traffic.exchange']);
/** A flow begun this long before its step counts as the step's: the step's first call and its clock reading race. */
const START_SLACK_MS = 50;

/**
 * The Traffic flows each step of a scenario run began: every flow whose first call came while the step ran
 * (its OSB calls on the platforms, the SM's calls to the broker), in the order they began. Calls made by
 * something else at the same moment count too: a step's calls carry no mark of their own.
 */
export class StepFlows {
  readonly #flows = new Map<number, string[]>();
  readonly #unsubscribe: () => void;
  #running: { index: number; sinceMs: number } | undefined;

  constructor(events: EventBus, traffic: TrafficStore) {
    this.#unsubscribe = events.subscribe((event) => {
      const running = this.#running;
      const flowId = (event.data as { flowId?: unknown }).flowId;
      if (!running || !FLOW_EVENTS.has(event.type) || typeof flowId !== 'string') return;
      const flows = this.#flows.get(running.index) ?? [];
      if (flows.includes(flowId)) return;
      const startedAt = traffic.summary(flowId)?.startedAt;
      if (!startedAt || Date.parse(startedAt) < running.sinceMs - START_SLACK_MS) return;
      this.#flows.set(running.index, [...flows, flowId]);
    });
  }

  started(index: number): void {
    this.#running = { index, sinceMs: Date.now() };
  }

  ended(): void {
    this.#running = undefined;
  }

  of(index: number): string[] {
    return this.#flows.get(index) ?? [];
  }

  close(): void {
    this.#unsubscribe();
  }
}
