import type { StateStore } from '../state';
import type { FaultRegistry } from './faults';
import type { BrokerIndexes } from './indexes';
import type { SampleBrokerState } from './state';

/** What the broker's operations need: its state, the clock, the async delay and the faults in force. */
export interface BrokerContext {
  store: StateStore<SampleBrokerState>;
  now: () => number;
  asyncDelayMs: number;
  faults: FaultRegistry;
  indexes: BrokerIndexes;
}

/** An OSB answer: the status and the JSON body. */
export interface OsbReply {
  status: number;
  body: Record<string, unknown>;
}

export interface CallOptions {
  acceptsIncomplete: boolean;
}
