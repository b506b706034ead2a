import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Router } from 'express';
import { platformEndpoints, platformsCaughtUp, startPlatforms } from './compose/platforms';
import { startSampleBroker } from './compose/sample-broker';
import { registerBrokers, registerSampleBroker, startServiceManager } from './compose/service-manager';
import { ConfigError, parseConfig, type SimConfig, type SimConfigInput } from './config';
import { EventBus } from './core/events';
import { type SecretPolicy, secretPolicy } from './core/secrets';
import type { BrokerRegistration, BrokerSummary } from './core/sm/broker-registration';
import { createLogger, type Logger, type LoggerOptions, type LogLevel } from './logging';
import { PACKAGE_ROOT } from './package-root';
import { createControlApp } from './servers/control/app';
import { brokersControlRouter } from './servers/control/brokers-router';
import type { Endpoints } from './servers/control/endpoints';
import { hopCredentialsRouter } from './servers/control/hop-credentials';
import { landscapeRouter } from './servers/control/landscape-router';
import { smProxyRouter } from './servers/control/sm-proxy';
import type { FrontDoorSettings } from './servers/http/front-door';
import { MAX_IMPORT_BYTES } from './servers/http/json-body';
import { listen, type RunningServer } from './servers/http/listen';
import { platformsControlRouter } from './servers/platform/control-router';
import type { RunningPlatform } from './servers/platform/server';
import { smControlRouter } from './servers/sm/control-router';
import { openStore, parseStoreUrl, type SimData, type Store, type StoreLocation } from './store';
import { TrafficStore, trafficRouter } from './traffic';
import { EdgeStats } from './traffic/edge-stats';
import { checkableBrokers, checkRouter } from './workflows/conformance';
import { workflowsRouters } from './workflows/control';
import { BackgroundJobs } from './workflows/jobs';
import { targetGuard } from './workflows/targets';

export interface SimulatorOptions {
  /** Control server port; the others follow it (0 = every server on a free port). Default 4810. */
  portBase?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where the data file lives. Default `./.smsim`. */
  dataDir?: string;
  /** A PostgreSQL URL to keep the state in instead of the data file (overrides `store.url` of the config). */
  store?: string;
  /** The parsed config (or the raw object of a config file). */
  config?: SimConfigInput;
  /** Else the one kept in the data folder, else a generated one. */
  adminPassword?: string;
  /** Overrides `logLevel` of the config. */
  logLevel?: LogLevel;
  /** Where the JSON log lines go; default stdout. */
  logDestination?: LoggerOptions['destination'];
  /** false: neither start nor register the sample broker (overrides `sampleBroker.enabled`). */
  sampleBroker?: boolean;
  /** The built UI the control server serves. Default: `out/renderer` of this package. */
  uiDir?: string;
  /** Registered at start after the config's `brokers` (`smsim serve --broker`). */
  brokers?: BrokerRegistration[];
}

export interface Simulator {
  endpoints: Endpoints;
  events: EventBus;
  store: Store<SimData>;
  /** Every captured exchange (the Traffic view's data). */
  traffic: TrafficStore;
  /** The brokers of `options.brokers` and the config's `brokers`, as registered at start. */
  brokers: BrokerSummary[];
  stop(): Promise<void>;
}

export const DEFAULT_PORT_BASE = 4810;
export const ADMIN_USERNAME = 'admin';
/** The user of the control token, which every server accepts when bound off loopback. */
export const CONTROL_USERNAME = 'smsim';
export const VERSION = '0.1.0';
const OFFSETS = { control: 0, serviceManager: 1, sampleBroker: 10 } as const;
const DEFAULT_UI_DIR = join(PACKAGE_ROOT, 'out/renderer');

const generatePassword = () => randomBytes(18).toString('base64url');

function startBrokers(config: SimConfig, options: SimulatorOptions): BrokerRegistration[] {
  const configured = config.brokers.map(({ username, password, ...broker }) => {
    if (!username || !password)
      throw new ConfigError(
        `Broker "${broker.name}" of the config has no username or password: give both there, or with --broker-username and --broker-password (or SMSIM_BROKER_PASSWORD).`,
      );
    return { ...broker, username, password };
  });
  return [...configured, ...(options.brokers ?? [])];
}

async function keepSecrets(store: Store<SimData>, adminPassword: string | undefined) {
  return store.update((data) => {
    data.secrets.adminPassword = adminPassword ?? data.secrets.adminPassword ?? generatePassword();
    data.secrets.sampleBrokerPassword ??= generatePassword();
    data.secrets.controlToken ??= generatePassword();
    return {
      admin: data.secrets.adminPassword,
      sampleBroker: data.secrets.sampleBrokerPassword,
      control: data.secrets.controlToken,
    };
  });
}

async function startAll(
  config: SimConfig,
  options: SimulatorOptions,
  log: Logger,
  started: Array<Pick<RunningServer, 'close'>>,
  secrets: SecretPolicy,
  store: Store<SimData>,
) {
  const host = options.host ?? '127.0.0.1';
  const portBase = options.portBase ?? DEFAULT_PORT_BASE;
  const portOf = (server: keyof typeof OFFSETS) => (portBase === 0 ? 0 : portBase + OFFSETS[server]);
  const door: FrontDoorSettings = { limits: config.limits, log };
  const events = new EventBus({ secrets });
  const { bufferSize, ...trafficOptions } = config.traffic;
  const traffic = new TrafficStore({ ...trafficOptions, capacity: bufferSize, events, secrets });
  const edgeStats = new EdgeStats();
  events.subscribe(edgeStats.observe);
  const passwords = await keepSecrets(store, options.adminPassword);
  const admin = { username: ADMIN_USERNAME, password: passwords.admin };
  const controlToken = { username: CONTROL_USERNAME, password: passwords.control };
  door.controlToken = controlToken;
  const endpoints: Endpoints = {
    control: { url: '', credentials: controlToken },
    serviceManager: null,
    platforms: [],
    sampleBroker: null,
  };
  const routers: Parameters<typeof createControlApp>[0]['routers'] = {};

  const { sm, server: smServer } = await startServiceManager({
    store,
    events,
    log,
    config,
    admin,
    host,
    port: portOf('serviceManager'),
    door,
    version: VERSION,
    traffic,
  });
  started.push(smServer);
  endpoints.serviceManager = { url: smServer.url, admin };
  routers[''] = Router().use(smControlRouter(sm), trafficRouter(traffic, { version: VERSION }));
  routers.sm = smProxyRouter({ url: () => smServer.url, admin });
  routers.landscape = landscapeRouter({ endpoints: () => endpoints, sm, stats: edgeStats });
  routers.exchanges = hopCredentialsRouter({ traffic, sm, endpoints: () => endpoints });
  let platforms: RunningPlatform[] = [];
  const caughtUp = () => platformsCaughtUp(sm, platforms);
  routers.brokers = brokersControlRouter(sm, caughtUp);

  const registering = (async () => {
    if (options.sampleBroker ?? config.sampleBroker.enabled) {
      const sample = await startSampleBroker({
        store,
        events,
        log,
        config: config.sampleBroker,
        password: passwords.sampleBroker,
        host,
        port: portOf('sampleBroker'),
        door,
      });
      started.push(sample.server);
      endpoints.sampleBroker = { url: sample.server.url, credentials: sample.credentials };
      routers['sample-broker'] = sample.broker.controlRouter;
      await registerSampleBroker(sm, sample.server.url, sample.credentials, log);
    }
    return registerBrokers(sm, startBrokers(config, options), log);
  })();
  // The platforms start while the brokers register: each mostly waits (for the SM, its commits, its
  // notifications socket), and what they miss of the registrations reaches them as notifications.
  const platformsStarting = startPlatforms({
    store,
    sm,
    smUrl: smServer.url,
    configs: config.platforms,
    events,
    log,
    traffic,
    host,
    door,
    portOf: (index) => (portBase === 0 ? 0 : portBase + 2 + index),
    started: (server) => started.push(server),
    brokersReady: registering,
  });
  // Both must end before a failure is thrown, so that the caller stops every server that did start.
  const [registered, platformsStarted] = await Promise.allSettled([registering, platformsStarting]);
  for (const start of [registered, platformsStarted]) if (start.status === 'rejected') throw start.reason;
  const brokers = (registered as PromiseFulfilledResult<BrokerSummary[]>).value;
  platforms = (platformsStarted as PromiseFulfilledResult<RunningPlatform[]>).value;
  sm.startSchedule();
  await caughtUp();
  endpoints.platforms = platformEndpoints(platforms);
  routers.platforms = platformsControlRouter(platforms);
  const guardTarget = targetGuard({
    allowRemote: config.fixtures.allowRemoteTargets,
    registered: () => sm.store.state.brokers.map((broker) => broker.broker_url),
  });
  // Checks, replays and scenario runs: stop() aborts them and waits until each has ended.
  const jobs = new BackgroundJobs();
  started.push(jobs);
  Object.assign(
    routers,
    workflowsRouters({
      sm,
      traffic,
      events,
      version: VERSION,
      endpoints,
      started: (server) => started.push(server),
      jobs,
      guardTarget,
      platformsCaughtUp: caughtUp,
    }),
  );
  routers.fixtures = checkRouter({
    brokers: () => checkableBrokers(sm.store.state.brokers),
    events,
    jobs,
    traffic,
    guardTarget,
  });

  const control = createControlApp({
    endpoints: () => endpoints,
    events,
    log,
    uiDir: options.uiDir ?? DEFAULT_UI_DIR,
    routers,
  });
  const controlServer = await listen(control, host, portOf('control'), {
    ...door,
    largeBodies: { '/api/traffic/import': MAX_IMPORT_BYTES },
  });
  started.push(controlServer);
  endpoints.control.url = controlServer.url;
  events.emit('simulator.started', { control: controlServer.url });
  return { endpoints, events, store, traffic, brokers };
}

function storeLocation(options: SimulatorOptions, config: SimConfig): StoreLocation {
  const url = options.store ?? config.store?.url;
  return url
    ? parseStoreUrl(url, 'The store URL')
    : { kind: 'file', dir: resolve(options.dataDir ?? '.smsim') };
}

/** Starts every server of the simulator and returns their URLs, the credentials clients need, and `stop()`. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const config = parseConfig(options.config);
  const secrets = secretPolicy(config.traffic.redact);
  const log = createLogger(options.logLevel ?? config.logLevel, {
    secrets,
    destination: options.logDestination,
  });
  const started: Array<Pick<RunningServer, 'close'>> = [];
  const stopAll = () => Promise.all(started.map((server) => server.close()));
  const store = await openStore(storeLocation(options, config), {
    warn: (message) => log.warn(message),
    standby: (message) => log.info(message),
  });
  try {
    const running = await startAll(config, options, log, started, secrets, store);
    return {
      ...running,
      stop: async () => {
        await stopAll();
        await store.close();
      },
    };
  } catch (error) {
    await stopAll();
    await store.close();
    throw error;
  }
}
