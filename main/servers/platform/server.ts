import express, { type Router } from 'express';
import type { EventBus } from '../../core/events';
import { DEFAULT_LIMITS } from '../../core/limits';
import type { PlatformConfig } from '../../core/platform/config';
import type { PlatformState } from '../../core/platform/state';
import type { StateStore } from '../../core/state';
import type { Logger } from '../../logging';
import { simulatedPlatform } from '../../platform/platform';
import type { Reconciler, ReconcilerStatus } from '../../platform/reconciler';
import type { PlatformRuntime } from '../../platform/runtime';
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
import { proxyRouter } from './proxy';

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
  /** Resolves once the brokers' URLs are current; resumed operations wait for it (see `simulatedPlatform`). */
  brokersReady?: Promise<unknown>;
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

/** Starts one simulated platform: its server (broker proxy + platform API), then its runtime and reconcile loop. */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const { config, store, smUrl, events, log, traffic } = options;
  const { name, type } = config;
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
      timeoutMs: config.requestTimeoutSeconds * 1000,
    }),
  );
  const server = await listen(app, options.host, options.port, {
    ...(options.door ?? { limits: DEFAULT_LIMITS }),
    capture: capture && { path: '/osb', handler: capture },
    auth: (given) => matches(given, proxyCredentials()),
  });

  const platform = simulatedPlatform({
    config,
    store,
    smUrl,
    events,
    log,
    send: platformSend,
    proxyUrl: server.url,
    addNotes: (exchangeId, notes) => {
      for (const note of notes) traffic?.addNote(exchangeId, note);
    },
  });
  const api = platformApiRouter(platform.runtime, platform.share);
  app.use('/api', api);
  app.use(jsonNotFound);
  app.use(jsonErrorHandler(log));
  await platform.start(options.syncTimeoutMs ?? 5000, options.brokersReady);

  const close = server.close;
  server.close = async () => {
    await platform.stop();
    await close();
  };
  const { runtime, reconciler } = platform;
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
