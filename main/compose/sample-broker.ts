import type { SimConfig } from '../config';
import type { EventBus } from '../core/events';
import type { Logger } from '../logging';
import { type BasicCredentials, matches } from '../servers/http/basic-auth';
import type { FrontDoorSettings } from '../servers/http/front-door';
import { listen, type RunningServer } from '../servers/http/listen';
import { createSampleBroker, type SampleBroker } from '../servers/sample-broker';
import type { SimData, Store } from '../store';

export const SAMPLE_BROKER_USERNAME = 'sample-broker';

export async function startSampleBroker(deps: {
  store: Store<SimData>;
  events: EventBus;
  log: Logger;
  config: SimConfig['sampleBroker'];
  password: string;
  host: string;
  port: number;
  door: FrontDoorSettings;
}): Promise<{ broker: SampleBroker; server: RunningServer; credentials: BasicCredentials }> {
  const credentials = { username: SAMPLE_BROKER_USERNAME, password: deps.password };
  const { asyncDelayMs, retryAfterSeconds } = deps.config;
  const broker = createSampleBroker({
    store: deps.store,
    credentials,
    events: deps.events,
    log: deps.log,
    asyncDelayMs,
    retryAfterSeconds,
  });
  const server = await listen(broker.app, deps.host, deps.port, {
    ...deps.door,
    auth: (given) => matches(given, credentials),
  });
  return { broker, server, credentials };
}
