import { nowIso } from '../clock';
import { ApiError, conflict, notFound } from '../errors';
import type { EventBus } from '../events';
import type { StateStore } from '../state';
import { parseInput } from '../validate';
import type { CatalogCache } from './catalog/cache';
import { freshResource } from './clock';
import { dropInstances, emitDropped } from './forced-removal';
import { type InputLimits, smInputs } from './inputs';
import { applyLabelChanges } from './listing';
import type { BrokerRecord, SmState } from './model';
import type { Notifier } from './notifications';
import { publicBroker } from './redact';

export interface BrokerServiceDeps {
  store: StateStore<SmState>;
  catalog: CatalogCache;
  notifier: Notifier;
  events: EventBus;
  /** Config key `limits`: names and ids in bodies. */
  limits?: InputLimits;
}

/** `/v1/service_brokers`: registering a broker fetches its catalog first; nothing is stored if that fails. */
export class BrokerService {
  readonly #inputs: ReturnType<typeof smInputs>;

  constructor(private readonly deps: BrokerServiceDeps) {
    this.#inputs = smInputs(deps.limits);
  }

  list() {
    return this.deps.store.state.brokers.map(publicBroker);
  }

  get(id: string) {
    return publicBroker(this.#find(id));
  }

  /** The stored record, credentials included: for the OSB route and the catalog cache only. */
  record(id: string): BrokerRecord {
    return this.#find(id);
  }

  async create(body: unknown) {
    const input = parseInput(this.#inputs.brokerCreate, body, 'The service broker');
    const { store, catalog, notifier, events } = this.deps;
    const record: BrokerRecord = {
      ...freshResource(input.id),
      name: input.name,
      description: input.description ?? '',
      broker_url: input.broker_url,
      credentials: input.credentials,
      labels: input.labels ?? {},
    };
    this.#refuseTaken(record, true);
    const started = Date.now();
    const prepared = await catalog.prepare(record);
    const notification = await store.update((state) => {
      this.#refuseTaken(record, true);
      state.brokers.push(record);
      return notifier.append(state, {
        resource: '/v1/service_brokers',
        type: 'CREATED',
        platform_id: null,
        payload: { new: { resource: publicBroker(record) } },
      });
    });
    catalog.commit(prepared, 'register', started);
    notifier.publish([notification]);
    events.emit('sm.broker', { action: 'created', broker: publicBroker(record) });
    return publicBroker(record);
  }

  /**
   * Every PATCH, even `{}`, forces a catalog fetch with the patched URL and credentials. The patch is applied
   * again to the record as it is once the fetch is done, so concurrent PATCHes all count.
   */
  async update(id: string, body: unknown) {
    const input = parseInput(this.#inputs.brokerPatch, body, 'The service broker patch');
    const { store, catalog, notifier, events } = this.deps;
    const patched = (broker: BrokerRecord): BrokerRecord => ({
      ...broker,
      name: input.name ?? broker.name,
      description: input.description ?? broker.description,
      broker_url: input.broker_url ?? broker.broker_url,
      credentials: input.credentials ?? broker.credentials,
      labels: input.labels
        ? applyLabelChanges(broker.labels, input.labels, this.deps.limits?.maxNameLength)
        : broker.labels,
      updated_at: nowIso(),
    });
    const planned = patched(this.#find(id));
    this.#refuseTaken(planned, false);
    await catalog.forced(planned, 'patch');
    const { after, notification } = await store.update((state) => {
      const index = state.brokers.findIndex((broker) => broker.id === id);
      if (index < 0) throw notFound(`Service broker ${id} was deleted meanwhile.`);
      const before = state.brokers[index]!;
      const after = patched(before);
      this.#refuseTaken(after, false);
      state.brokers[index] = after;
      const notification = notifier.append(state, {
        resource: '/v1/service_brokers',
        type: 'MODIFIED',
        platform_id: null,
        payload: { old: { resource: publicBroker(before) }, new: { resource: publicBroker(after) } },
      });
      return { after, notification };
    });
    notifier.publish([notification]);
    events.emit('sm.broker', { action: 'updated', broker: publicBroker(after) });
    return publicBroker(after);
  }

  /**
   * Refused (409) while the broker has instances; with `force` their records and their bindings' go too,
   * without calling the broker (platforms learn of the broker's removal from the notification).
   */
  async delete(id: string, options: { force?: boolean } = {}): Promise<void> {
    const { store, catalog, notifier, events } = this.deps;
    const broker = this.#find(id);
    const planIds = new Set(
      catalog
        .plans()
        .filter((plan) => plan.broker_id === id)
        .map((plan) => plan.id),
    );
    const [notification, dropped] = await store.update((state) => {
      const instances = state.instances.filter((instance) => instance.broker_id === id);
      if (instances.length > 0 && !options.force) {
        throw new ApiError(
          409,
          'ExistingReferenceEntity',
          `Broker "${broker.name}" still has ${instances.length} service instance(s) (${instances
            .slice(0, 5)
            .map((instance) => instance.name || instance.id)
            .join(
              ', ',
            )}). Deprovision them first, or remove the broker with its instances' records: ?force=true.`,
        );
      }
      const why =
        `Broker "${broker.name}" was removed from the Service Manager with ?force=true, with the records of ` +
        'its instances and bindings; the broker was not called.';
      const dropped = dropInstances(state, new Set(instances.map((instance) => instance.id)), why);
      state.brokers = state.brokers.filter((candidate) => candidate.id !== id);
      state.visibilities = state.visibilities.filter(
        (visibility) => !planIds.has(visibility.service_plan_id),
      );
      const deleted = notifier.append(state, {
        resource: '/v1/service_brokers',
        type: 'DELETED',
        platform_id: null,
        payload: { old: { resource: publicBroker(broker) } },
      });
      return [deleted, dropped] as const;
    });
    emitDropped(events, store.state, dropped);
    catalog.remove(id);
    notifier.publish([notification]);
    events.emit('sm.broker', { action: 'deleted', broker: publicBroker(broker) });
  }

  #find(id: string): BrokerRecord {
    const broker = this.deps.store.state.brokers.find((candidate) => candidate.id === id);
    if (!broker)
      throw notFound(`There is no service broker with id ${id}. List them with GET /v1/service_brokers.`);
    return broker;
  }

  /** A new broker may reuse neither an id nor a name; a patched one may not take another broker's name. */
  #refuseTaken(record: BrokerRecord, creating: boolean): void {
    for (const broker of this.deps.store.state.brokers) {
      if (broker.id === record.id) {
        if (creating) throw conflict(`A service broker with id ${record.id} already exists.`);
      } else if (broker.name === record.name) {
        throw conflict(`A service broker named "${record.name}" already exists. Choose another name.`);
      }
    }
  }
}
