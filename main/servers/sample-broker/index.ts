import type { Express, Router } from 'express';
import type { EventBus } from '../../core/events';
import { FaultRegistry, RequestLog, SampleBrokerCore } from '../../core/sample-broker';
import type { Logger } from '../../logging';
import { type SimData, type Store, sectionOf } from '../../store';
import { type BasicCredentials, matches, requireBasicAuth } from '../http/basic-auth';
import { createControlRouter } from './control-router';
import { createOsbApp } from './osb-app';

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
  /** The faults in force (the control router changes them too). */
  faults: FaultRegistry;
  /** The broker's own request log. */
  requests: RequestLog;
}

export const FAULTS_EVENT = 'sample-broker.faults';

export function createSampleBroker(options: SampleBrokerOptions): SampleBroker {
  const faults = new FaultRegistry((list) => options.events.emit(FAULTS_EVENT, list));
  const requests = new RequestLog();
  const core = new SampleBrokerCore({
    store: sectionOf(options.store, 'sampleBroker'),
    faults,
    asyncDelayMs: options.asyncDelayMs,
  });
  const auth = requireBasicAuth('sample-broker', (given) => matches(given, options.credentials));
  const app = createOsbApp({
    core,
    faults,
    auth,
    requests,
    log: options.log,
    retryAfterSeconds: options.retryAfterSeconds,
  });
  return { app, controlRouter: createControlRouter({ faults, requests }), faults, requests };
}
