import { nowIso } from '../clock';
import { isObject } from '../is-object';
import { newId } from './clock';
import type { NotificationRecord, SmState } from './model';

export type NotificationChange = Pick<NotificationRecord, 'resource' | 'type' | 'platform_id' | 'payload'>;
/** Listeners run inside `publish`, i.e. inside the registry call that committed the change: they must not throw. */
export type NotificationListener = (record: NotificationRecord) => void;

/** A deep copy without `credentials` wherever a broker record could sit: top level, `new`/`old`, their `resource`. */
function withoutCredentials(payload: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(payload);
  const sides = [copy, copy.new, copy.old].filter(isObject);
  for (const holder of [...sides, ...sides.map((side) => side.resource).filter(isObject)]) {
    delete holder.credentials;
  }
  return copy;
}

/**
 * The SM's change feed for broker proxies: every broker and visibility change gets the next revision and a
 * record kept in the state (bounded) so a reconnecting proxy can catch up; live delivery goes to subscribers.
 */
export class Notifier {
  readonly #keep: number;
  readonly #listeners = new Set<NotificationListener>();

  constructor(options: { keep?: number } = {}) {
    this.#keep = options.keep ?? 1000;
  }

  /** Call inside the store mutation that makes the change, so the revision is stored with it. */
  append(state: SmState, change: NotificationChange): NotificationRecord {
    state.revision += 1;
    const record: NotificationRecord = {
      id: newId(),
      revision: state.revision,
      resource: change.resource,
      type: change.type,
      platform_id: change.platform_id,
      payload: withoutCredentials(change.payload),
      created_at: nowIso(),
    };
    state.notifications.push(record);
    const excess = state.notifications.length - this.#keep;
    if (excess > 0) state.notifications.splice(0, excess);
    return record;
  }

  /** Call once the store committed the change. */
  publish(records: NotificationRecord[]): void {
    for (const record of records) {
      for (const listener of this.#listeners) listener(record);
    }
  }

  subscribe(listener: NotificationListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The records after `revision`, oldest first; undefined when some of them were already dropped, or when
   * `revision` is ahead of the state (a proxy that knew another SM incarnation): the proxy must resync.
   */
  since(state: SmState, revision: number): NotificationRecord[] | undefined {
    if (revision > state.revision) return undefined;
    if (revision === state.revision) return [];
    const oldest = state.notifications[0];
    if (!oldest || oldest.revision > revision + 1) return undefined;
    return state.notifications.filter((record) => record.revision > revision);
  }

  /** The revision of the last change kept for the platform: what it has applied once it is caught up. */
  lastRevisionFor(state: SmState, platformId: string): number {
    return state.notifications.findLast((record) => this.visibleTo(record, platformId))?.revision ?? 0;
  }

  /** A record without a platform concerns every platform. */
  visibleTo(record: NotificationRecord, platformId: string): boolean {
    return record.platform_id === null || record.platform_id === platformId;
  }
}
