import type { EventBus } from '../core/events';
import { originOf } from '../core/platform/hops';
import { marketplace, planEnabled } from '../core/platform/marketplace';
import { type ChangeOperation, notesForChange, type SpecNote } from '../core/platform/notes';
import type { PollingPolicy } from '../core/platform/polling';
import type { ContextFields, Profile } from '../core/platform/profiles';
import type { OsbRequest } from '../core/platform/requests';
import type { PlatformBinding, PlatformInstance, PlatformState } from '../core/platform/state';
import { bindingView, instanceView } from '../core/platform/views';
import { findById } from '../core/record-index';
import type { StateStore } from '../core/state';
import type { Logger } from '../logging';
import type { PlatformCatalogs } from './catalogs';
import type { CallOutcome, OperationStep, PlatformOsbClient } from './clients/osb-client';

export interface PlatformRuntimeDeps {
  name: string;
  profile: Profile;
  /** Context fields of every call (the config's `defaults` over the profile's). */
  defaults: ContextFields;
  store: StateStore<PlatformState>;
  osb: PlatformOsbClient;
  catalogs: PlatformCatalogs;
  policy: PollingPolicy;
  events: EventBus;
  log: Logger;
  addNotes(exchangeId: string, notes: SpecNote[]): void;
}

/** Thrown into background work when the platform stops. */
export class Stopped extends Error {
  override name = 'Stopped';
}

type Action = 'created' | 'updated' | 'deleted';
/** Throws when the state no longer allows a save. */
export type Guard = (state: PlatformState) => void;

/**
 * Appends a created record, puts an updated one in place of the one with its id, or takes it out. An update
 * of a record removed meanwhile (a background poll ending after a purge) does not bring it back.
 */
function upsert<T extends { id: string }>(records: T[], record: T, action: Action): void {
  const index = records.findIndex((candidate) => candidate.id === record.id);
  if (action === 'created') records.push(record);
  else if (index < 0) return;
  else if (action === 'deleted') records.splice(index, 1);
  else records[index] = record;
}

/** What the platform's actions share: the OSB client, the records, timers that stop with the platform. */
export class PlatformRuntime {
  readonly #timers = new Map<NodeJS.Timeout, () => void>();
  #stopped = false;

  constructor(readonly deps: PlatformRuntimeDeps) {}

  get state(): PlatformState {
    return this.deps.store.state;
  }

  /** An unref'd wait that rejects with Stopped when the platform stops. */
  sleep(ms: number): Promise<void> {
    if (this.#stopped) return Promise.reject(new Stopped());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms).unref();
      this.#timers.set(timer, () => reject(new Stopped()));
    });
  }

  /** Runs `work` in the background; it ends quietly when the platform stops. */
  background(what: string, work: () => Promise<void>): Promise<void> {
    return work().catch((error: unknown) => {
      if (error instanceof Stopped || this.#stopped) return;
      this.deps.log.error({ err: error, platform: this.deps.name }, `${what} failed`);
    });
  }

  stop(): void {
    this.#stopped = true;
    for (const [timer, cancel] of this.#timers) {
      clearTimeout(timer);
      cancel();
    }
    this.#timers.clear();
  }

  /**
   * One OSB call; a change's answer from the broker is checked against the spec and noted. `partOf` makes it a
   * later step of the operation an earlier call began (its traffic joins that call's flow).
   */
  async call(
    smBrokerId: string,
    request: OsbRequest,
    operation?: ChangeOperation,
    partOf?: OperationStep,
  ): Promise<CallOutcome> {
    if (this.#stopped) throw new Stopped();
    const outcome = await this.deps.osb.call(smBrokerId, request, partOf);
    const { result } = outcome;
    if (operation && result.kind === 'answer' && originOf(result).hop === 'broker')
      this.note(outcome, notesForChange(operation, result));
    return outcome;
  }

  note(outcome: CallOutcome, notes: SpecNote[]): void {
    if (outcome.exchangeId && notes.length > 0) this.deps.addNotes(outcome.exchangeId, notes);
  }

  /** The marketplace of the platform (on Cloud Foundry: of one organization, by default the platform's). */
  async marketplace(organization?: string) {
    const { brokers, visibilities } = this.state;
    await this.deps.catalogs.ensure(brokers);
    const org =
      this.deps.profile.type === 'cloudfoundry'
        ? (organization ?? String(this.deps.defaults.organization_guid))
        : undefined;
    return marketplace(brokers, this.deps.catalogs.all, planEnabled(visibilities, org));
  }

  /** Every offering of the registered brokers' catalogs, whatever the visibilities (an instance's own plan). */
  async offerings() {
    await this.deps.catalogs.ensure(this.state.brokers);
    return marketplace(this.state.brokers, this.deps.catalogs.all);
  }

  instance(id: string): PlatformInstance | undefined {
    return findById(this.state.instances, id);
  }

  binding(id: string): PlatformBinding | undefined {
    return findById(this.state.bindings, id);
  }

  /**
   * Stores (or, when deleted, removes) the platform's record and tells the UI. `guard` checks again, inside
   * the write, what the caller checked before it awaited (a free name, no operation in progress).
   */
  async saveInstance(record: PlatformInstance, action: Action, guard?: Guard): Promise<PlatformInstance> {
    await this.deps.store.update((state) => {
      guard?.(state);
      upsert(state.instances, record, action);
    });
    this.deps.events.emit('platform.instance', {
      platform: this.deps.name,
      action,
      instance: instanceView(record, this.state),
    });
    return record;
  }

  async saveBinding(record: PlatformBinding, action: Action, guard?: Guard): Promise<PlatformBinding> {
    await this.deps.store.update((state) => {
      guard?.(state);
      upsert(state.bindings, record, action);
    });
    // Events reach every UI and log: the binding's credentials stay behind (the platform API has them).
    const { credentials, ...binding } = bindingView(record, this.state);
    this.deps.events.emit('platform.binding', {
      platform: this.deps.name,
      action,
      binding: { ...binding, has_credentials: credentials !== null },
    });
    return record;
  }
}
