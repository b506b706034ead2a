import { ApiError, conflict, notFound } from '../errors';
import type { EventBus } from '../events';
import type { StateStore } from '../state';
import { parseInput } from '../validate';
import type { CatalogCache } from './catalog/cache';
import { freshResource, nowIso } from './clock';
import { brokerCreateSchema, brokerPatchSchema } from './inputs';
import { applyLabelChanges } from './listing';
import type { BrokerRecord, SmState } from './model';
import type { Notifier } from './notifications';
import { publicBroker } from './redact';

export interface BrokerServiceDeps {
  store: StateStore<SmState>;
  catalog: CatalogCache;
  notifier: Notifier;
  events: EventBus;
}

/** `/v1/service_brokers`: registering a broker fetches its catalog first; nothing is stored if that fails. */
export class BrokerService {
  constructor(private readonly deps: BrokerServiceDeps) {}

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
    const input = parseInput(brokerCreateSchema, body, 'The service broker');
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

  /** Every PATCH, even `{}`, forces a catalog fetch with the patched URL and credentials. */
  async update(id: string, body: unknown) {
    const input = parseInput(brokerPatchSchema, body, 'The service broker patch');
    const { store, catalog, notifier, events } = this.deps;
    const before = this.#find(id);
    const after: BrokerRecord = {
      ...before,
      name: input.name ?? before.name,
      description: input.description ?? before.description,
      broker_url: input.broker_url ?? before.broker_url,
      credentials: input.credentials ?? before.credentials,
      labels: input.labels ? applyLabelChanges(before.labels, input.labels) : before.labels,
      updated_at: nowIso(),
    };
    this.#refuseTaken(after, false);
    await catalog.forced(after, 'patch');
    const notification = await store.update((state) => {
      const index = state.brokers.findIndex((broker) => broker.id === id);
      if (index < 0) throw notFound(`Service broker ${id} was deleted meanwhile.`);
      state.brokers[index] = after;
      return notifier.append(state, {
        resource: '/v1/service_brokers',
        type: 'MODIFIED',
        platform_id: null,
        payload: { old: { resource: publicBroker(before) }, new: { resource: publicBroker(after) } },
      });
    });
    notifier.publish([notification]);
    events.emit('sm.broker', { action: 'updated', broker: publicBroker(after) });
    return publicBroker(after);
  }

  async delete(id: string): Promise<void> {
    const { store, catalog, notifier, events } = this.deps;
    const broker = this.#find(id);
    const planIds = new Set(
      catalog
        .plans()
        .filter((plan) => plan.broker_id === id)
        .map((plan) => plan.id),
    );
    const notification = await store.update((state) => {
      const instances = state.instances.filter((instance) => instance.broker_id === id);
      if (instances.length > 0) {
        throw new ApiError(
          409,
          'ExistingReferenceEntity',
          `Broker "${broker.name}" still has ${instances.length} service instance(s) (${instances
            .slice(0, 5)
            .map((instance) => instance.name || instance.id)
            .join(', ')}). Deprovision them first.`,
        );
      }
      state.brokers = state.brokers.filter((candidate) => candidate.id !== id);
      state.visibilities = state.visibilities.filter(
        (visibility) => !planIds.has(visibility.service_plan_id),
      );
      return notifier.append(state, {
        resource: '/v1/service_brokers',
        type: 'DELETED',
        platform_id: null,
        payload: { old: { resource: publicBroker(broker) } },
      });
    });
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
