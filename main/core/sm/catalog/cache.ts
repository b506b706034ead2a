import { nowIso } from '../../clock';
import { ApiError, badRequest } from '../../errors';
import type { EventBus } from '../../events';
import type { Catalog } from '../../osb/catalog-types';
import { diffCatalogs, validateCatalog } from '../../osb/catalog-validation';
import { SECRETS } from '../../secrets';
import type { BrokerClient } from '../broker-client';
import type { BrokerRecord } from '../model';
import { isShareable } from '../sharing/plans';
import { CatalogFetchError, fetchCatalog } from './fetch-catalog';
import { runPool } from './pool';
import type { CatalogRefresh, RefreshMode, RefreshResult, RefreshTrigger } from './refresh-record';
import { buildViews, type CatalogViews, type OfferingView, type PlanView } from './views';

type BrokerRef = Pick<BrokerRecord, 'id' | 'name' | 'broker_url' | 'credentials'>;

export interface CatalogCacheOptions {
  client: BrokerClient;
  events: EventBus;
  timeoutMs: number;
  concurrency: number;
  /** SM plan ids among `planIds` that still have instances (a refresh may not remove those). */
  plansInUse: (planIds: string[]) => string[];
  /** SM plan ids among `planIds` with shared instances (a refresh may not turn sharing off for those). */
  plansShared?: (planIds: string[]) => string[];
  keepHistory?: number;
}

interface Entry extends CatalogViews {
  catalog: Catalog;
  fetchedAt: string;
}

/** A fetched and validated catalog, not yet in the cache (registration stores the broker first). */
export interface PreparedCatalog {
  broker: BrokerRef;
  entry: Entry;
}

const sameAddress = (a: BrokerRef, b: BrokerRef) =>
  a.broker_url === b.broker_url &&
  a.credentials.basic.username === b.credentials.basic.username &&
  a.credentials.basic.password === b.credentials.basic.password;

const resultOf = (error: unknown): RefreshResult => {
  if (error instanceof CatalogFetchError) return error.failure;
  if (!(error instanceof ApiError)) return 'error';
  if (error.status === 504) return 'timeout';
  if (error.status === 409) return 'conflict';
  return error.status === 400 ? 'invalid' : 'error';
};

/** The catalogs of every broker, in memory only (fetched again at every start): soft updates, forced updates, bounded refreshes. */
export class CatalogCache {
  readonly #entries = new Map<string, Entry>();
  readonly #inFlight = new Map<string, { broker: BrokerRef; refresh: Promise<Entry> }>();
  readonly #history: CatalogRefresh[] = [];
  #nextRefreshId = 1;

  constructor(private readonly options: CatalogCacheOptions) {}

  /** Soft update: fetches only a broker with no cache entry. */
  async soft(broker: BrokerRef, trigger: RefreshTrigger = 'action'): Promise<CatalogViews> {
    return this.#entries.get(broker.id) ?? this.#refreshOnce(broker, 'soft', trigger);
  }

  /** Forced update: always fetches and replaces; throws (and keeps the old entry) when the new one is refused. */
  async forced(broker: BrokerRef, trigger: RefreshTrigger): Promise<CatalogViews> {
    return this.#refreshOnce(broker, 'forced', trigger);
  }

  /**
   * Forced update of every broker, in parallel with a bounded pool; failures are recorded, never thrown. The
   * brokers that took longest last time start first (longest-first scheduling), so a broker that hangs waits
   * out its timeout while the others are fetched, not after them. The records keep the order of `brokers`.
   */
  async refreshAll(brokers: readonly BrokerRef[], trigger: RefreshTrigger): Promise<CatalogRefresh[]> {
    const lastDuration = new Map(this.#history.map((record) => [record.broker_id, record.duration_ms]));
    const order = brokers
      .map((broker, index) => ({ broker, index, expected: lastDuration.get(broker.id) ?? 0 }))
      .sort((a, b) => b.expected - a.expected);
    const records: CatalogRefresh[] = new Array(brokers.length);
    await runPool(order, this.options.concurrency, async ({ broker, index }) => {
      await this.forced(broker, trigger).catch(() => undefined);
      records[index] = this.#history.findLast((record) => record.broker_id === broker.id)!;
    });
    return records;
  }

  /** Fetch and validate the catalog of a broker that is not registered yet. */
  async prepare(broker: BrokerRef): Promise<PreparedCatalog> {
    const started = Date.now();
    try {
      return { broker, entry: await this.#load(broker) };
    } catch (error) {
      this.#record(broker, 'forced', 'register', started, resultOf(error), { error });
      throw error;
    }
  }

  commit(prepared: PreparedCatalog, trigger: RefreshTrigger, startedAt = Date.now()): void {
    this.#entries.set(prepared.broker.id, prepared.entry);
    this.#record(prepared.broker, 'forced', trigger, startedAt, 'updated', {
      diff: diffCatalogs(undefined, prepared.entry.catalog),
    });
  }

  remove(brokerId: string): void {
    this.#entries.delete(brokerId);
  }

  has(brokerId: string): boolean {
    return this.#entries.has(brokerId);
  }

  offerings(): OfferingView[] {
    return [...this.#entries.values()].flatMap((entry) => entry.offerings);
  }

  plans(): PlanView[] {
    return [...this.#entries.values()].flatMap((entry) => entry.plans);
  }

  catalogOf(brokerId: string): Catalog | undefined {
    return this.#entries.get(brokerId)?.catalog;
  }

  history(): readonly CatalogRefresh[] {
    return this.#history;
  }

  /**
   * A refresh of the same URL and credentials joins the one running; one with others (a PATCH moving the
   * broker) runs after it, so the cache ends with what the new address serves.
   */
  #refreshOnce(broker: BrokerRef, mode: RefreshMode, trigger: RefreshTrigger): Promise<Entry> {
    const running = this.#inFlight.get(broker.id);
    if (running && sameAddress(running.broker, broker)) return running.refresh;
    const before = running?.refresh.catch(() => undefined) ?? Promise.resolve();
    const refresh: Promise<Entry> = before
      .then(() => this.#refresh(broker, mode, trigger))
      .finally(() => {
        if (this.#inFlight.get(broker.id)?.refresh === refresh) this.#inFlight.delete(broker.id);
      });
    this.#inFlight.set(broker.id, { broker, refresh });
    return refresh;
  }

  async #refresh(broker: BrokerRef, mode: RefreshMode, trigger: RefreshTrigger): Promise<Entry> {
    const started = Date.now();
    const before = this.#entries.get(broker.id);
    try {
      const entry = await this.#load(broker);
      this.#refuseRemovingPlansInUse(broker, before, entry);
      this.#refuseUnsharingPlansInUse(broker, entry);
      this.#entries.set(broker.id, entry);
      const diff = diffCatalogs(before?.catalog, entry.catalog);
      const changed = Object.values(diff).some(
        (kind) => kind.added.length + kind.removed.length + kind.changed.length,
      );
      this.#record(broker, mode, trigger, started, changed ? 'updated' : 'unchanged', { diff });
      return entry;
    } catch (error) {
      this.#record(broker, mode, trigger, started, resultOf(error), { error });
      throw error;
    }
  }

  async #load(broker: BrokerRef): Promise<Entry> {
    const raw = await fetchCatalog(this.options.client, broker, this.options.timeoutMs);
    const { catalog, problems } = validateCatalog(raw, {
      otherBrokerIds: this.#idsOfOtherBrokers(broker.id),
      sharing: true,
    });
    if (!catalog) {
      const errors = problems.filter((problem) => problem.severity === 'error');
      throw badRequest(
        `The catalog of broker "${broker.name}" is invalid (${errors.length} problem${errors.length === 1 ? '' : 's'}): ` +
          errors.map((problem) => `${problem.path}: ${problem.message}`).join('; '),
        { problems },
      );
    }
    const fetchedAt = nowIso();
    const before = this.#entries.get(broker.id);
    const seen = new Map(
      [...(before?.offerings ?? []), ...(before?.plans ?? [])].map((view) => [view.id, view.created_at]),
    );
    return { catalog, fetchedAt, ...buildViews(broker.id, catalog, fetchedAt, (id) => seen.get(id)) };
  }

  #refuseRemovingPlansInUse(broker: BrokerRef, before: Entry | undefined, after: Entry): void {
    if (!before) return;
    const kept = new Set(after.plans.map((plan) => plan.id));
    const removed = before.plans.filter((plan) => !kept.has(plan.id));
    const inUse = new Set(this.options.plansInUse(removed.map((plan) => plan.id)));
    if (inUse.size === 0) return;
    const names = removed.filter((plan) => inUse.has(plan.id)).map((plan) => `"${plan.name}"`);
    throw new ApiError(
      409,
      'Conflict',
      `The new catalog of broker "${broker.name}" removes plan${names.length > 1 ? 's' : ''} ${names.join(', ')} that still ` +
        'have instances. Deprovision them first; the cached catalog was kept.',
    );
  }

  #refuseUnsharingPlansInUse(broker: BrokerRef, after: Entry): void {
    const unshareable = after.plans.filter((plan) => !isShareable(plan));
    const shared = new Set(this.options.plansShared?.(unshareable.map((plan) => plan.id)) ?? []);
    if (shared.size === 0) return;
    const names = unshareable.filter((plan) => shared.has(plan.id)).map((plan) => `"${plan.name}"`);
    throw badRequest(
      `The new catalog of broker "${broker.name}" turns instance sharing off for plan${names.length > 1 ? 's' : ''} ` +
        `${names.join(', ')} that still ha${names.length > 1 ? 've' : 's'} shared instances. Unshare them first; the cached catalog was kept.`,
    );
  }

  #idsOfOtherBrokers(brokerId: string) {
    const offeringIds = new Set<string>();
    const planIds = new Set<string>();
    for (const [id, entry] of this.#entries) {
      if (id === brokerId) continue;
      for (const offering of entry.offerings) offeringIds.add(offering.catalog_id);
      for (const plan of entry.plans) planIds.add(plan.catalog_id);
    }
    return { offeringIds, planIds };
  }

  #record(
    broker: BrokerRef,
    mode: RefreshMode,
    trigger: RefreshTrigger,
    started: number,
    result: RefreshResult,
    details: { diff?: CatalogRefresh['diff']; error?: unknown },
  ): void {
    const record: CatalogRefresh = {
      id: this.#nextRefreshId++,
      broker_id: broker.id,
      broker_name: broker.name,
      mode,
      trigger,
      started_at: new Date(started).toISOString(),
      duration_ms: Date.now() - started,
      result,
    };
    if (details.diff) record.diff = details.diff;
    if (details.error instanceof Error) record.description = SECRETS.text(details.error.message);
    const problems = (details.error as ApiError | undefined)?.extra?.problems;
    if (Array.isArray(problems)) record.problems = problems;
    this.#history.push(record);
    if (this.#history.length > (this.options.keepHistory ?? 500)) this.#history.shift();
    this.options.events.emit('catalog.refresh', record);
  }
}
