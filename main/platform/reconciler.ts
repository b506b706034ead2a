import { nowIso } from '../core/clock';
import type { EventBus } from '../core/events';
import type { PlatformType } from '../core/platform/profiles';
import {
  applyNotification,
  type Desired,
  desiredFromLists,
  reconcile,
  type SmLists,
  type SmNotification,
} from '../core/platform/reconcile';
import type { PlatformState } from '../core/platform/state';
import type { StateStore } from '../core/state';
import type { Logger } from '../logging';
import { type ConnectionState, NotificationsClient } from './clients/notifications-client';

export interface ReconcilerOptions {
  name: string;
  type: PlatformType;
  store: StateStore<PlatformState>;
  events: EventBus;
  log: Logger;
  /** `ws://…/v1/notifications` of the SM. */
  notificationsUrl: string;
  fetchLists(): Promise<SmLists>;
  /** The proxy's OSB endpoint for an SM broker: what the platform registers. */
  proxyUrlOf(smBrokerId: string): string;
  /** Called with the SM brokers whose catalog the platform should fetch again, and those it dropped. */
  onCatalogsChanged(changed: string[], removed: string[]): void;
  resyncIntervalMs?: number;
}

export interface ReconcilerStatus {
  connection: ConnectionState;
  revision: number;
  resyncs: number;
  lastResyncAt: string | null;
  lastError: string | null;
}

/**
 * The broker proxy's reconcile loop: the desired state comes from a full resync (on start, after a 410,
 * periodically) and from each notification; every change is reconciled against what the platform has.
 */
export class Reconciler {
  readonly #client: NotificationsClient;
  #desired: Desired | undefined;
  #queue: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #status: Omit<ReconcilerStatus, 'connection' | 'revision'> = {
    resyncs: 0,
    lastResyncAt: null,
    lastError: null,
  };
  #markSynced!: () => void;
  readonly #synced = new Promise<void>((resolve) => {
    this.#markSynced = resolve;
  });
  #waiters: Array<{ revision: number; resolve: () => void }> = [];

  constructor(private readonly options: ReconcilerOptions) {
    const { store } = options;
    this.#client = new NotificationsClient({
      url: options.notificationsUrl,
      credentials: () => store.state.sm!.credentials,
      revision: () => (this.#desired ? store.state.revision : 0),
      onOpen: (revision, resumed) => {
        if (!resumed) this.#enqueue(() => this.#resync(revision));
      },
      onNotification: (notification) => this.#enqueue(() => this.#apply(notification)),
      onGone: () => {
        this.#desired = undefined;
      },
      onState: (connection) => {
        if (connection !== 'connected') this.#wake(Number.POSITIVE_INFINITY);
        options.events.emit('platform.connection', { platform: options.name, connection });
      },
    });
  }

  status(): ReconcilerStatus {
    return { connection: this.#client.state, revision: this.options.store.state.revision, ...this.#status };
  }

  /** Connects (which resyncs, as nothing is known yet) and resyncs periodically. */
  start(): void {
    this.#client.start();
    this.#timer = setInterval(() => this.resync(), this.options.resyncIntervalMs ?? 60_000).unref();
  }

  /** Resolves after the first full resync. */
  synced(): Promise<void> {
    return this.#synced;
  }

  /**
   * Resolves once the platform has applied the SM's changes up to `revision` (by notification or by a resync
   * that read them), or when it stops or its notifications connection is not up, since then nothing comes.
   */
  applied(revision: number): Promise<void> {
    if (this.options.store.state.revision >= revision || this.#client.state !== 'connected')
      return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ revision, resolve }));
  }

  /** A full resync from the SM's lists; resolves when it is done. */
  resync(): Promise<void> {
    return this.#enqueue(() => this.#resync());
  }

  /** Drops the notifications connection as a network failure would (the UI's and the tests' drill). */
  disconnect(offlineMs?: number): void {
    this.#client.disconnect(offlineMs);
  }

  /** Resolves once every change queued so far is applied. */
  settled(): Promise<void> {
    return this.#enqueue(async () => undefined);
  }

  /** Resolves once the step running now is done; the queued ones are dropped. */
  stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#client.stop();
    this.#wake(Number.POSITIVE_INFINITY);
    return this.#queue;
  }

  #enqueue(step: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue
      .then(() => (this.#stopped ? undefined : step()))
      .catch((error: unknown) => {
        this.#status.lastError = (error as Error).message;
        this.options.log.warn({ err: error, platform: this.options.name }, 'platform reconcile failed');
      });
    return this.#queue;
  }

  /** `revision`: the SM's revision when the lists are read (at a (re)connect), else the last one applied. */
  async #resync(revision?: number): Promise<void> {
    const lists = await this.options.fetchLists();
    this.#desired = desiredFromLists(lists);
    this.#status.resyncs++;
    this.#status.lastResyncAt = nowIso();
    this.#status.lastError = null;
    await this.#reconcile(revision);
    this.#markSynced();
  }

  async #apply(notification: SmNotification): Promise<void> {
    if (!this.#desired) return;
    if (notification.revision <= this.options.store.state.revision) return;
    const next = applyNotification(this.#desired, notification);
    if (!next) return this.#resync(notification.revision);
    this.#desired = next;
    await this.#reconcile(notification.revision);
  }

  async #reconcile(revision?: number): Promise<void> {
    const { store, type, proxyUrlOf, name, events } = this.options;
    const desired = this.#desired!;
    const result = await store.update((state) => {
      const outcome = reconcile(desired, state, type, proxyUrlOf, nowIso());
      state.brokers = outcome.brokers;
      state.visibilities = outcome.visibilities;
      if (revision !== undefined) state.revision = revision;
      return outcome;
    });
    this.#wake(store.state.revision);
    const removedIds = result.removed.map((broker) => broker.sm_broker_id);
    const touched = result.brokers
      .filter((broker) => result.registered.includes(broker.name) || result.updated.includes(broker.name))
      .map((broker) => broker.sm_broker_id);
    const changed = [...new Set([...touched, ...result.visibilityChanged])];
    if (changed.length + removedIds.length === 0) return;
    this.options.onCatalogsChanged(changed, removedIds);
    events.emit('platform.brokers', {
      platform: name,
      registered: result.registered,
      updated: result.updated,
      removed: result.removed.map((broker) => broker.name),
      visibilitiesChanged: result.visibilityChanged,
    });
  }

  #wake(revision: number): void {
    const [due, waiting] = [
      this.#waiters.filter((waiter) => waiter.revision <= revision),
      this.#waiters.filter((waiter) => waiter.revision > revision),
    ];
    this.#waiters = waiting;
    for (const waiter of due) waiter.resolve();
  }
}
