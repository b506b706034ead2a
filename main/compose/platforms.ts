import { randomBytes } from 'node:crypto';
import type { EventBus } from '../core/events';
import type { PlatformConfig } from '../core/platform/config';
import { emptyPlatformState, type PlatformState } from '../core/platform/state';
import type { Credentials } from '../core/sm/model';
import type { ServiceManager } from '../core/sm/service-manager';
import type { StateStore } from '../core/state';
import type { Logger } from '../logging';
import type { Endpoints } from '../servers/control/endpoints';
import type { FrontDoorSettings } from '../servers/http/front-door';
import type { RunningServer } from '../servers/http/listen';
import { type RunningPlatform, startPlatform } from '../servers/platform/server';
import type { SimData, Store } from '../store';
import type { TrafficStore } from '../traffic';

/** One platform's entry of the `platforms` section, as its core sees it. */
function platformSection(store: Store<SimData>, name: string): StateStore<PlatformState> {
  return {
    get state() {
      return store.data.platforms[name]!;
    },
    update: (mutate) => store.update((data) => mutate(data.platforms[name]!)),
  };
}

/**
 * The platform's record in the SM, reused across restarts: found by the id the platform kept (a rename in
 * the SM keeps it, and its instances), else by the configured name; created on first start; its credentials
 * regenerated when the kept ones no longer work (e.g. the data file lost them).
 */
async function ensureSmPlatform(
  sm: ServiceManager,
  section: StateStore<PlatformState>,
  config: PlatformConfig,
) {
  const kept = section.state.sm;
  const { platforms } = sm.store.state;
  const existing =
    platforms.find((platform) => platform.id === kept?.id) ??
    platforms.find((platform) => platform.name === config.name);
  if (existing && kept?.id === existing.id && sm.platforms.match(kept.credentials)?.id === existing.id) {
    if (existing.type !== config.type) await sm.platforms.update(existing.id, { type: config.type });
    return;
  }
  const record = existing
    ? await sm.platforms.update(existing.id, { type: config.type }, true)
    : await sm.platforms.create({
        name: config.name,
        type: config.type,
        description: `The simulated ${config.type} platform ${config.name} of smsim`,
      });
  // Create and regenerate are the two answers that carry the generated credentials.
  const { credentials } = record as { credentials?: { basic: Credentials } };
  if (!credentials) throw new Error(`The SM gave platform ${config.name} no credentials.`);
  await section.update((state) => {
    state.sm = { id: record.id, credentials: credentials.basic };
  });
}

export interface StartPlatformsDeps {
  store: Store<SimData>;
  sm: ServiceManager;
  smUrl: string;
  configs: readonly PlatformConfig[];
  events: EventBus;
  log: Logger;
  traffic: TrafficStore;
  host: string;
  door: FrontDoorSettings;
  /** The port of the n-th platform (0-based) unless its config names one. */
  portOf(index: number): number;
  /** Gets each platform's server as soon as it runs (so a failure later still stops it). */
  started(server: RunningServer): void;
  /** Resolves once the brokers registered at start point at their current URLs (see `simulatedPlatform`). */
  brokersReady?: Promise<unknown>;
}

/**
 * Registers (or finds) each configured platform in the SM, then starts its server and reconcile loop; all at
 * once, as each start mostly waits (for the SM's answers, its notifications socket, the commits).
 */
export async function startPlatforms(deps: StartPlatformsDeps): Promise<RunningPlatform[]> {
  const starts = await Promise.allSettled(
    deps.configs.map((config, index) => startConfiguredPlatform(deps, config, index)),
  );
  // Only once every start has ended, so that the caller stops every server that did start.
  const failed = starts.find((start) => start.status === 'rejected');
  if (failed) throw failed.reason;
  return starts.map((start) => (start as PromiseFulfilledResult<RunningPlatform>).value);
}

async function startConfiguredPlatform(
  deps: StartPlatformsDeps,
  config: PlatformConfig,
  index: number,
): Promise<RunningPlatform> {
  await deps.store.update((data) => {
    data.platforms[config.name] ??= emptyPlatformState({
      username: `proxy-${config.name}`,
      password: randomBytes(18).toString('base64url'),
    });
  });
  const section = platformSection(deps.store, config.name);
  await ensureSmPlatform(deps.sm, section, config);
  const platform = await startPlatform({
    config,
    store: section,
    smUrl: deps.smUrl,
    events: deps.events,
    log: deps.log,
    traffic: deps.traffic,
    host: deps.host,
    port: config.port ?? deps.portOf(index),
    door: deps.door,
    brokersReady: deps.brokersReady,
  });
  deps.started(platform.server);
  return platform;
}

/** The platforms' entries of `GET /api/endpoints`. */
export const platformEndpoints = (platforms: readonly RunningPlatform[]): Endpoints['platforms'] =>
  platforms.map((platform) => {
    const state = platform.runtime.state;
    return {
      name: platform.name,
      type: platform.type,
      id: state.sm!.id,
      url: platform.url,
      proxyCredentials: state.proxyCredentials,
    };
  });

/**
 * Resolves once every platform has applied the SM's changes so far, so that an answer given after a
 * registration describes what the platforms' marketplaces show.
 */
export async function platformsCaughtUp(sm: ServiceManager, platforms: readonly RunningPlatform[]) {
  const { state } = sm.store;
  await Promise.all(
    platforms.map((platform) =>
      platform.reconciler.applied(sm.notifier.lastRevisionFor(state, platform.runtime.state.sm!.id)),
    ),
  );
}
