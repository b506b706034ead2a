import type { EventBus } from '../core/events';
import type { PlatformConfig } from '../core/platform/config';
import type { SpecNote } from '../core/platform/notes';
import { type ContextFields, originatingIdentity, profiles } from '../core/platform/profiles';
import type { PlatformState } from '../core/platform/state';
import type { StateStore } from '../core/state';
import type { Logger } from '../logging';
import type { HttpSend } from '../traffic';
import { bindings } from './bindings';
import { PlatformCatalogs } from './catalogs';
import { PlatformOsbClient } from './clients/osb-client';
import { type ShareInstance, smShareClient } from './clients/sharing';
import { fetchSmLists } from './clients/sm-lists';
import { instances } from './instances';
import { follow } from './lifecycle';
import { purgeRemovedBrokers } from './purge';
import { Reconciler } from './reconciler';
import { PlatformRuntime } from './runtime';

export interface SimulatedPlatformOptions {
  config: PlatformConfig;
  /** This platform's section; `sm` (its SM record and credentials) is set. */
  store: StateStore<PlatformState>;
  smUrl: string;
  events: EventBus;
  log: Logger;
  /** Sends and records the hop platform→proxy. */
  send: HttpSend;
  /** The platform's broker proxy, e.g. `http://127.0.0.1:4812`: what it registers and calls. */
  proxyUrl: string;
  /** Attaches spec notes to a captured exchange. */
  addNotes(exchangeId: string, notes: SpecNote[]): void;
}

export interface SimulatedPlatform {
  runtime: PlatformRuntime;
  reconciler: Reconciler;
  /** Shares or unshares the platform's instances in the SM. */
  share: ShareInstance;
  /**
   * Starts the reconcile loop and, once `brokersReady` resolves (the brokers' URLs are current), resumes
   * polling the operations a previous run left in progress; resolves after both that and the first resync, or
   * `syncTimeoutMs`.
   */
  start(syncTimeoutMs: number, brokersReady?: Promise<unknown>): Promise<void>;
  stop(): Promise<void>;
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

/**
 * What a simulated platform does besides serving: its runtime (the records and the OSB calls through its own
 * proxy), the catalogs it fetched, and the reconcile loop that follows the SM.
 */
export function simulatedPlatform(options: SimulatedPlatformOptions): SimulatedPlatform {
  const { config, store, smUrl, events, log, proxyUrl } = options;
  const { name, type } = config;
  const profile = profiles[type];
  const defaults: ContextFields = { ...profile.defaults(name), ...config.defaults };
  const timeoutMs = config.requestTimeoutSeconds * 1000;
  const smCredentials = () => store.state.sm!.credentials;

  const osb = new PlatformOsbClient({
    send: options.send,
    proxyUrl: () => proxyUrl,
    credentials: () => store.state.proxyCredentials,
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
    addNotes: options.addNotes,
  });
  const reconciler = new Reconciler({
    name,
    type,
    store,
    events,
    log,
    notificationsUrl: `${smUrl.replace(/^http/, 'ws')}/v1/notifications`,
    fetchLists: () => fetchSmLists(smUrl, smCredentials(), timeoutMs),
    proxyUrlOf: (smBrokerId) => `${proxyUrl}/osb/${encodeURIComponent(smBrokerId)}`,
    onCatalogsChanged: (changed, removed) => {
      catalogs.drop(removed);
      void catalogs.refresh(changed);
      if (removed.length > 0) void runtime.background('purge', () => purgeRemovedBrokers(runtime, removed));
    },
  });

  return {
    runtime,
    reconciler,
    share: smShareClient(smUrl, smCredentials, timeoutMs),
    start: async (syncTimeoutMs, brokersReady = Promise.resolve()) => {
      reconciler.start();
      // A failed registration fails the whole start, which then stops this platform: nothing to resume.
      const resumed = brokersReady.then(
        () => resume(runtime),
        () => undefined,
      );
      const syncTimeout = new Promise((resolve) => setTimeout(resolve, syncTimeoutMs).unref());
      await Promise.all([Promise.race([reconciler.synced(), syncTimeout]), resumed]);
    },
    stop: async () => {
      await reconciler.stop();
      runtime.stop();
    },
  };
}
