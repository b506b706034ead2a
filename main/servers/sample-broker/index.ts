import type { Express, Router } from 'express';
import type { EventBus } from '../../core/events';
import type { Logger } from '../../logging';
import type { SimData, Store } from '../../store';
import type { BasicCredentials } from '../http/basic-auth';

export interface SampleBrokerOptions {
  store: Store<SimData>;
  credentials: BasicCredentials;
  events: EventBus;
  log: Logger;
  asyncDelayMs: number;
  retryAfterSeconds: number;
}

export interface SampleBroker {
  /** The OSB 2.17 broker. */
  app: Express;
  /** Mounted on the control server at `/api/sample-broker` (faults, request log). */
  controlRouter: Router;
}

// CONTRACT — implemented by the sample broker work.
export declare function createSampleBroker(options: SampleBrokerOptions): SampleBroker;
