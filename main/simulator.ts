import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventBus } from './core/events';
import { parseConfig, type SimConfig, type SimConfigInput } from './config';
import { createLogger, type LogLevel, type Logger } from './logging';
import { createControlApp } from './servers/control/app';
import type { Endpoints } from './servers/control/endpoints';
import { listen, type RunningServer } from './servers/http/listen';
import { createSampleBroker } from './servers/sample-broker';
import { openDataStore, type SimData, type Store } from './store';

export interface SimulatorOptions {
  /** Control server port; the others follow it (0 = every server on a free port). Default 4810. */
  portBase?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where the data file lives. Default `./.smsim`. */
  dataDir?: string;
  /** The parsed config (or the raw object of a config file). */
  config?: SimConfigInput;
  /** Else the one kept in the data folder, else a generated one. */
  adminPassword?: string;
  /** Overrides `logLevel` of the config. */
  logLevel?: LogLevel;
}

export interface Simulator {
  endpoints: Endpoints;
  events: EventBus;
  store: Store<SimData>;
  stop(): Promise<void>;
}

export const DEFAULT_PORT_BASE = 4810;
export const ADMIN_USERNAME = 'admin';
const SAMPLE_BROKER_USERNAME = 'sample-broker';
const SAMPLE_BROKER_OFFSET = 10;
const UI_DIR = fileURLToPath(new URL('../out/renderer', import.meta.url));

const portFor = (base: number, offset: number) => (base === 0 ? 0 : base + offset);
const generatePassword = () => randomBytes(18).toString('base64url');

async function keepSecrets(store: Store<SimData>, adminPassword: string | undefined) {
  return store.update((data) => {
    data.secrets.adminPassword = adminPassword ?? data.secrets.adminPassword ?? generatePassword();
    data.secrets.sampleBrokerPassword ??= generatePassword();
    return { admin: data.secrets.adminPassword, sampleBroker: data.secrets.sampleBrokerPassword };
  });
}

async function startAll(
  config: SimConfig,
  options: SimulatorOptions,
  log: Logger,
  started: RunningServer[],
): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const portBase = options.portBase ?? DEFAULT_PORT_BASE;
  const store = await openDataStore(resolve(options.dataDir ?? '.smsim'));
  const events = new EventBus();
  const passwords = await keepSecrets(store, options.adminPassword);

  const endpoints: Endpoints = { control: { url: '' }, serviceManager: null, platforms: [], sampleBroker: null };
  const routers: Parameters<typeof createControlApp>[0]['routers'] = {};

  if (config.sampleBroker.enabled) {
    const credentials = { username: SAMPLE_BROKER_USERNAME, password: passwords.sampleBroker };
    const broker = createSampleBroker({ store, credentials, events, log, ...config.sampleBroker });
    const server = await listen(broker.app, host, portFor(portBase, SAMPLE_BROKER_OFFSET));
    started.push(server);
    endpoints.sampleBroker = { url: server.url, credentials };
    routers['sample-broker'] = broker.controlRouter;
  }

  const control = createControlApp({ endpoints: () => endpoints, events, log, uiDir: UI_DIR, routers });
  const controlServer = await listen(control, host, portFor(portBase, 0));
  started.push(controlServer);
  endpoints.control.url = controlServer.url;
  events.emit('simulator.started', { control: controlServer.url });

  return {
    endpoints,
    events,
    store,
    stop: async () => {
      await Promise.all(started.map((server) => server.close()));
      await store.flush();
    },
  };
}

/** Starts every server of the simulator and returns their URLs, the credentials clients need, and `stop()`. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const config = parseConfig(options.config);
  const log = createLogger(options.logLevel ?? config.logLevel);
  const started: RunningServer[] = [];
  try {
    return await startAll(config, options, log, started);
  } catch (error) {
    await Promise.all(started.map((server) => server.close()));
    throw error;
  }
}
