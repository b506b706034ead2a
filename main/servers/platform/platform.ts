import express, { type Router } from 'express';
import type { EventBus } from '../../core/events';
import { DEFAULT_LIMITS } from '../../core/limits';
import type { PlatformConfig } from '../../core/platform/config';
import { type ContextFields, originatingIdentity, profiles } from '../../core/platform/profiles';
import type { PlatformState } from '../../core/platform/state';
import type { StateStore } from '../../core/state';
import type { Logger } from '../../logging';
import {
  type AnswerLimits,
  captureInbound,
  createCapturingClient,
  limitedHttpSend,
  type TrafficStore,
} from '../../traffic';
import { matches } from '../http/basic-auth';
import { jsonErrorHandler, jsonNotFound } from '../http/errors';
import type { FrontDoorSettings } from '../http/front-door';
import { listen, type RunningServer } from '../http/listen';
import { platformApiRouter } from './api-router';
import { bindings } from './bindings';
import { PlatformCatalogs } from './catalogs';
import { instances } from './instances';
import { follow } from './lifecycle';
import { PlatformOsbClient } from './osb-client';
import { proxyRouter } from './proxy';
import { purgeRemovedBrokers } from './purge';
import { Reconciler, type ReconcilerStatus } from './reconciler';
import { PlatformRuntime } from './runtime';
import { smShareClient } from './sharing';
import { fetchSmLists } from './sm-lists';

export interface PlatformOptions {
  config: PlatformConfig;
  /** This platform's section; `sm` (its SM record and credentials) is set. */
  store: StateStore<PlatformState>;
  smUrl: string;
  events: EventBus;
  log: Logger;
  /** Where every hop is recorded; without it nothing is captured. */
  traffic?: TrafficStore;
  host: string;
  port: number;
  door?: FrontDoorSettings;
  /** How long startup waits for the first resync with the SM. Default 5000. */
  syncTimeoutMs?: number;
}

export interface RunningPlatform {
  name: string;
  type: string;
  url: string;
  runtime: PlatformRuntime;
  reconciler: Reconciler;
  /** The platform API, for the control server's pass-through. */
  api: Router;
  status(): ReconcilerStatus & { brokers: number };
  /** Its server; `close()` stops the whole platform. */
  server: RunningServer;
}

/** The hops of this platform, captured in `traffic` when there is one. */
function transports(name: string, traffic: TrafficStore | undefined, limits: AnswerLimits) {
  const send = limitedHttpSend(limits);
  if (!traffic) return { platformSend: send, proxySend: send, capture: undefined };
  const proxy = `proxy:${name}`;
  return {
    platformSend: createCapturingClient(
      traffic,
      { hop: 'platform→proxy', from: name, to: proxy, platform: name },
      send,
    ),
    proxySend: createCapturingClient(
      traffic,
      { hop: 'proxy→sm', from: proxy, to: 'sm', platform: name },
      send,
    ),
    capture: captureInbound(traffic, { hop: 'client→proxy', to: proxy, platform: () => name }),
  };
}

/** Resumes polling of the operations a previous run left in progress. */
function resume(runtime: PlatformRuntime): void {
  for (const instance of runtime.state.instances)
    if (instance.state === 'in progress')
      void follow(runtime, instances, instance.id, Date.parse(instance.last_operation.started_at));
  for (const binding of runtime.state.bindings)
    if (binding.state === 'in progress')
      void follow(runtime, bindings, binding.id, Date.parse(binding.last_operation.started_at));
}

/** Starts one simulated platform: its server (broker proxy + platform API) and its reconcile loop. */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const { config, store, smUrl, events, log, traffic } = options;
  const { name, type } = config;
  const profile = profiles[type];
  const defaults: ContextFields = { ...profile.defaults(name), ...config.defaults };
  const timeoutMs = config.requestTimeoutSeconds * 1000;
  const smCredentials = () => store.state.sm!.credentials;
  const proxyCredentials = () => store.state.proxyCredentials;
  const { platformSend, proxySend, capture } = transports(
    name,
    traffic,
    options.door?.limits ?? DEFAULT_LIMITS,
  );

  const app = express();
  app.disable('x-powered-by');
  app.use(
    '/osb',
    proxyRouter({
      platformName: name,
      credentials: proxyCredentials,
      smUrl,
      smCredentials,
      send: proxySend,
      timeoutMs,
    }),
  );
  const server = await listen(app, options.host, options.port, {
    ...(options.door ?? { limits: DEFAULT_LIMITS }),
    capture: capture && { path: '/osb', handler: capture },
    auth: (given) => matches(given, proxyCredentials()),
  });

  const osb = new PlatformOsbClient({
    send: platformSend,
    proxyUrl: () => server.url,
    credentials: proxyCredentials,
    originatingIdentity: originatingIdentity(profile, name),
    timeoutMs,
  });
  const catalogs = new PlatformCatalogs(osb, log);
  const runtime = new PlatformRuntime({
    name,
    profile,
    defaults,
    store,
    osb,
    catalogs,
    policy: {
      intervalMs: config.pollIntervalSeconds * 1000,
      capMs: config.pollIntervalCapSeconds * 1000,
      maxDurationMs: config.maxPollingSeconds * 1000,
    },
    events,
    log,
    addNotes: (exchangeId, notes) => {
      for (const note of notes) traffic?.addNote(exchangeId, note);
    },
  });
  const api = platformApiRouter(runtime, smShareClient(smUrl, smCredentials, timeoutMs));
  app.use('/api', api);
  app.use(jsonNotFound);
  app.use(jsonErrorHandler(log));

  const reconciler = new Reconciler({
    name,
    type,
    store,
    events,
    log,
    notificationsUrl: `${smUrl.replace(/^http/, 'ws')}/v1/notifications`,
    fetchLists: () => fetchSmLists(smUrl, smCredentials(), timeoutMs),
    proxyUrlOf: (smBrokerId) => `${server.url}/osb/${encodeURIComponent(smBrokerId)}`,
    onCatalogsChanged: (changed, removed) => {
      catalogs.drop(removed);
      void catalogs.refresh(changed);
      if (removed.length > 0) void runtime.background('purge', () => purgeRemovedBrokers(runtime, removed));
    },
  });
  reconciler.start();
  resume(runtime);
  const syncTimeout = new Promise((resolve) => setTimeout(resolve, options.syncTimeoutMs ?? 5000).unref());
  await Promise.race([reconciler.synced(), syncTimeout]);

  const close = server.close;
  server.close = async () => {
    await reconciler.stop();
    runtime.stop();
    await close();
  };
  return {
    name,
    type,
    url: server.url,
    runtime,
    reconciler,
    api,
    status: () => ({ ...reconciler.status(), brokers: store.state.brokers.length }),
    server,
  };
}
