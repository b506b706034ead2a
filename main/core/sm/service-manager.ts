import type { EventBus } from '../events';
import { DEFAULT_LIMITS, type Limits } from '../limits';
import type { StateStore } from '../state';
import type { BrokerClient } from './broker-client';
import { BrokerService } from './brokers';
import { CatalogCache } from './catalog/cache';
import type { CatalogRefresh, RefreshTrigger } from './catalog/refresh-record';
import { forceRemoveInstance } from './forced-removal';
import type { SmState } from './model';
import { Notifier } from './notifications';
import { OperationService } from './operations';
import { OsbService } from './osb';
import type { DeleteWithReferences } from './osb/references';
import { PlatformService } from './platforms';
import type { OsbPlugin } from './plugins';
import { sharedPlanIds } from './sharing/holders';
import { SharingService } from './sharing/service';
import { VisibilityService } from './visibilities';

export interface CatalogSettings {
  refreshIntervalMinutes: number;
  concurrency: number;
  timeoutMs: number;
}

export interface ServiceManagerDeps {
  store: StateStore<SmState>;
  client: BrokerClient;
  events: EventBus;
  catalog: CatalogSettings;
  /** How long the OSB route waits for a broker before answering 504. */
  brokerTimeoutMs: number;
  /** `serviceManager.operationTimeoutSeconds`: when an operation nobody waits on is failed. */
  operationTimeoutSeconds?: number;
  plugins?: OsbPlugin[];
  /** Config key `limits`: names and ids in the registries' bodies. */
  limits?: Limits;
  sharing?: { onDeleteWithReferences?: DeleteWithReferences };
}

/** The Service Manager's domain, wired: registries, catalog cache, notifications, scheduled refresh. */
export function createServiceManager(deps: ServiceManagerDeps) {
  const { store, client, events, catalog: settings } = deps;
  const notifier = new Notifier();
  const catalog = new CatalogCache({
    client,
    events,
    timeoutMs: settings.timeoutMs,
    concurrency: settings.concurrency,
    plansInUse: (planIds) =>
      planIds.filter((id) => store.state.instances.some((instance) => instance.service_plan_id === id)),
    plansShared: (planIds) => planIds.filter((id) => sharedPlanIds(store.state).has(id)),
  });
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const brokers = new BrokerService({ store, catalog, notifier, events, limits });
  const platforms = new PlatformService({ store, events, limits });
  const visibilities = new VisibilityService({ store, catalog, notifier, events, limits });
  const osb = new OsbService({
    store,
    catalog,
    brokers,
    client,
    events,
    plugins: deps.plugins ?? [],
    brokerTimeoutMs: deps.brokerTimeoutMs,
    sharing: deps.sharing,
    operations: { operationTimeoutSeconds: deps.operationTimeoutSeconds },
  });
  const sharing = new SharingService({ store, catalog, events });
  const operations = new OperationService({ store });
  let schedule: NodeJS.Timeout | undefined;
  let nextRefreshAt: number | undefined;

  const refreshAll = (trigger: RefreshTrigger): Promise<CatalogRefresh[]> =>
    catalog.refreshAll(store.state.brokers, trigger);

  return {
    store,
    limits,
    notifier,
    catalog,
    brokers,
    platforms,
    visibilities,
    osb,
    operations,
    sharing,
    refreshAll,
    /** Takes an instance and its bindings out of the SM without calling the broker (admin, `?force=true`). */
    forceRemoveInstance: (id: string) => forceRemoveInstance({ store, events }, id),
    /** Soft-updates every broker without a cache entry (what a list of offerings or plans needs). */
    ensureCatalogs: async () => {
      const missing = store.state.brokers.filter((broker) => !catalog.has(broker.id));
      await Promise.all(missing.map((broker) => catalog.soft(broker, 'action').catch(() => undefined)));
    },
    /** The scheduled work: the operation maintainer (its start sweep first) and the catalog refresh. */
    startSchedule() {
      osb.maintainer.start();
      if (settings.refreshIntervalMinutes <= 0) return;
      const interval = settings.refreshIntervalMinutes * 60_000;
      nextRefreshAt = Date.now() + interval;
      schedule = setInterval(() => {
        nextRefreshAt = Date.now() + interval;
        void refreshAll('schedule');
      }, interval);
      schedule.unref();
    },
    nextScheduledRefresh: (): string | null => (nextRefreshAt ? new Date(nextRefreshAt).toISOString() : null),
    stop() {
      clearInterval(schedule);
      osb.maintainer.stop();
    },
  };
}

export type ServiceManager = ReturnType<typeof createServiceManager>;
