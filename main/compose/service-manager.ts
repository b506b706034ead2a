import type { SimConfig } from '../config';
import type { EventBus } from '../core/events';
import { findById } from '../core/record-index';
import {
  type BrokerRegistration,
  type BrokerSummary,
  registerOrUpdateBroker,
} from '../core/sm/broker-registration';
import { loadPlugins } from '../core/sm/plugins';
import { createServiceManager, type ServiceManager } from '../core/sm/service-manager';
import type { Logger } from '../logging';
import { type BasicCredentials, matches, parseBasicAuth } from '../servers/http/basic-auth';
import type { FrontDoorSettings } from '../servers/http/front-door';
import { listen, type RunningServer } from '../servers/http/listen';
import { upgradeDoor } from '../servers/http/upgrade-door';
import { createSmApp } from '../servers/sm/app';
import { requireAdminOrPlatform } from '../servers/sm/auth';
import { HttpBrokerClient } from '../servers/sm/http-broker-client';
import { attachNotifications } from '../servers/sm/notifications-ws';
import { createOperationsRouter } from '../servers/sm/operations-router';
import { createOsbRouter } from '../servers/sm/osb-router';
import { type SimData, type Store, sectionOf } from '../store';
import { captureInbound, createCapturingClient, limitedHttpSend, type TrafficStore } from '../traffic';

export const SAMPLE_BROKER_NAME = 'sample';

export interface StartedServiceManager {
  sm: ServiceManager;
  server: RunningServer;
}

/** Builds the Service Manager, serves it on `port`, and attaches the notifications WebSocket. */
export async function startServiceManager(deps: {
  store: Store<SimData>;
  events: EventBus;
  log: Logger;
  config: SimConfig;
  admin: BasicCredentials;
  host: string;
  port: number;
  door: FrontDoorSettings;
  version: string;
  traffic: TrafficStore;
}): Promise<StartedServiceManager> {
  const { traffic } = deps;
  const send = limitedHttpSend(deps.config.limits);
  const client = new HttpBrokerClient(({ id, name }) =>
    createCapturingClient(
      traffic,
      { hop: 'sm→broker', from: 'sm', to: `broker:${name}`, brokerId: id },
      send,
    ),
  );
  const plugins = await loadPlugins(deps.config.plugins, { log: deps.log, events: deps.events });
  const sm = createServiceManager({
    store: sectionOf(deps.store, 'sm'),
    client,
    events: deps.events,
    catalog: deps.config.catalog,
    brokerTimeoutMs: deps.config.serviceManager.brokerTimeoutMs,
    operationTimeoutSeconds: deps.config.serviceManager.operationTimeoutSeconds,
    plugins,
    limits: deps.config.limits,
    sharing: deps.config.sharing,
  });
  traffic.nameBrokers((id) => findById(sm.store.state.brokers, id)?.name);
  const osbRouter = createOsbRouter({
    osb: sm.osb,
    authenticatePlatform: (given) => sm.platforms.authenticate(given),
    log: deps.log,
  });
  const operationsRouter = createOperationsRouter({
    operations: sm.operations,
    read: requireAdminOrPlatform(deps.admin, sm.platforms),
  });
  const capture = captureInbound(traffic, {
    hop: 'client→sm',
    to: 'sm',
    platform: (req) => {
      const given = parseBasicAuth(req.headers);
      return given && sm.platforms.match(given)?.name;
    },
  });
  const app = createSmApp({
    sm,
    admin: deps.admin,
    log: deps.log,
    version: deps.version,
    osbRouter,
    operationsRouter,
  });
  const server = await listen(app, deps.host, deps.port, {
    ...deps.door,
    capture: { path: '/v1/osb', handler: capture },
    auth: (given) => matches(given, deps.admin) || !!sm.platforms.match(given),
  });
  const notifications = attachNotifications(server.server, {
    path: '/v1/notifications',
    maxFrameBytes: deps.door.limits.maxBodyBytes,
    admit: upgradeDoor(deps.host),
    notifier: sm.notifier,
    state: () => sm.store.state,
    authenticate: (req) => {
      const given = parseBasicAuth(req.headers);
      const platform = given && sm.platforms.match(given);
      return platform ? { platformId: platform.id } : undefined;
    },
  });
  const close = server.close;
  server.close = async () => {
    sm.stop();
    notifications.close();
    await close();
  };
  return { sm, server };
}

/**
 * On first start the sample broker is registered as `sample` with every plan public; later starts only
 * point it at the sample broker's current URL (free ports change between runs).
 */
export async function registerSampleBroker(
  sm: ServiceManager,
  url: string,
  credentials: BasicCredentials,
  log: Logger,
) {
  const existing = sm.store.state.brokers.find((broker) => broker.name === SAMPLE_BROKER_NAME);
  if (existing) {
    const moved =
      existing.broker_url !== url ||
      existing.credentials.basic.username !== credentials.username ||
      existing.credentials.basic.password !== credentials.password;
    if (moved) await sm.brokers.update(existing.id, { broker_url: url, credentials: { basic: credentials } });
    return;
  }
  if (sm.store.state.sampleBrokerRegistered) return;
  const broker = await sm.brokers.create({
    name: SAMPLE_BROKER_NAME,
    description: 'The built-in sample broker of smsim',
    broker_url: url,
    credentials: { basic: credentials },
  });
  await sm.visibilities.publishAllPlans(broker.id);
  await sm.store.update((state) => {
    state.sampleBrokerRegistered = true;
  });
  log.info({ broker: broker.id }, 'registered the sample broker');
}

/**
 * The brokers of `--broker` and the config key `brokers`, in order: each registered, or pointed at its URL
 * and credentials when registered already. The first that is down or refuses throws the SM's error.
 */
export async function registerBrokers(
  sm: ServiceManager,
  brokers: readonly BrokerRegistration[],
  log: Logger,
): Promise<BrokerSummary[]> {
  const summaries: BrokerSummary[] = [];
  for (const registration of brokers) {
    const { created, ...summary } = await registerOrUpdateBroker(sm, registration);
    log.info(
      { broker: summary.id, name: summary.name, url: summary.url },
      created ? 'registered a broker' : 'updated a broker',
    );
    summaries.push(summary);
  }
  return summaries;
}
