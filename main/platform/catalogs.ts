import { isObject } from '../core/is-object';
import type { Catalog } from '../core/osb/catalog-types';
import { catalogRequest } from '../core/platform/requests';
import type { RegisteredBroker } from '../core/platform/state';
import type { Logger } from '../logging';
import type { PlatformOsbClient } from './clients/osb-client';

/**
 * The catalogs of the platform's registered brokers, as its proxy got them from the SM (filtered for this
 * platform). Fetched when the reconcile registers or changes a broker or its visibilities; kept in memory.
 */
export class PlatformCatalogs {
  readonly #catalogs = new Map<string, Catalog>();
  readonly #fetching = new Map<string, Promise<void>>();

  constructor(
    private readonly osb: PlatformOsbClient,
    private readonly log: Logger,
  ) {}

  get all(): ReadonlyMap<string, Catalog> {
    return this.#catalogs;
  }

  refresh(smBrokerIds: readonly string[]): Promise<void> {
    return Promise.all(smBrokerIds.map((id) => this.#fetch(id))).then(() => undefined);
  }

  drop(smBrokerIds: readonly string[]): void {
    for (const id of smBrokerIds) this.#catalogs.delete(id);
  }

  /**
   * Fetches the catalogs not held yet (after a restart, or a fetch that failed), and waits for the fetches in
   * flight: a read after a change the platform announced (a plan made visible) gets the catalog it asked for.
   */
  ensure(brokers: readonly RegisteredBroker[]): Promise<void> {
    const ids = brokers.map((broker) => broker.sm_broker_id);
    const inFlight = ids.flatMap((id) => this.#fetching.get(id) ?? []);
    const missing = ids.filter((id) => !this.#catalogs.has(id) && !this.#fetching.has(id));
    return Promise.all([...inFlight, this.refresh(missing)]).then(() => undefined);
  }

  /** One fetch per broker at a time; a refresh asked meanwhile waits for it and fetches again. */
  #fetch(id: string): Promise<void> {
    const previous = this.#fetching.get(id) ?? Promise.resolve();
    const next = previous.then(async () => {
      const { result } = await this.osb.call(id, catalogRequest);
      if (
        result.kind === 'answer' &&
        result.status === 200 &&
        isObject(result.body) &&
        Array.isArray(result.body.services)
      ) {
        this.#catalogs.set(id, result.body as unknown as Catalog);
      } else {
        this.log.warn(
          { broker: id, status: result.kind === 'answer' ? result.status : result.kind },
          'platform catalog fetch failed',
        );
      }
    });
    this.#fetching.set(id, next);
    void next.finally(() => {
      if (this.#fetching.get(id) === next) this.#fetching.delete(id);
    });
    return next;
  }
}
