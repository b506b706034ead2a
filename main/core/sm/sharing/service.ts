import { z } from 'zod';
import { nowIso } from '../../clock';
import { ApiError, badRequest, notFound } from '../../errors';
import type { EventBus } from '../../events';
import type { StateStore } from '../../state';
import { parseInput } from '../../validate';
import type { CatalogCache } from '../catalog/cache';
import type { InstanceRecord, PlatformRecord, SmState } from '../model';
import { emitSharing } from './events';
import { describeHolders, referencesTo } from './holders';
import { isShareable } from './plans';

const sharePatchSchema = z.object({ shared: z.boolean() }).strict();

/** A PATCH naming `shared` is a share request (and then must be exactly `{"shared": true|false}`). */
export const isSharePatch = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && 'shared' in body;

/** Share and unshare (`PATCH /v1/service_instances/:id` with exactly `{"shared": …}`, the UI, the platforms). */
export class SharingService {
  constructor(
    private readonly deps: {
      store: StateStore<SmState>;
      catalog: Pick<CatalogCache, 'plans'>;
      events: EventBus;
    },
  ) {}

  /** `platform` set: a platform acting on its own instances only (another's is answered as missing). */
  async setShared(id: string, body: unknown, platform?: Pick<PlatformRecord, 'id' | 'name'>) {
    const { shared } = parseInput(sharePatchSchema, body, 'The share request');
    const { store, events } = this.deps;
    const instance = store.state.instances.find((candidate) => candidate.id === id);
    if (!instance || (platform && instance.platform_id !== platform.id))
      throw notFound(
        `There is no service instance with id ${id}${platform ? ` on platform "${platform.name}"` : ''}.`,
      );
    this.#check(instance, shared);
    if (instance.shared === shared) return instance;
    const updated = await store.update((state) => {
      const record = state.instances.find((candidate) => candidate.id === id);
      if (!record) throw notFound(`Service instance ${id} was deleted meanwhile.`);
      this.#check(record, shared);
      Object.assign(record, { shared, updated_at: nowIso() });
      return structuredClone(record);
    });
    emitSharing(events, store.state, shared ? 'shared' : 'unshared', id, updated);
    return updated;
  }

  #check(instance: InstanceRecord, shared: boolean): void {
    const name = instance.name || instance.id;
    if (instance.referenced_instance_id)
      throw badRequest(
        `Service instance ${name} is a reference; only the shared instance can be (un)shared.`,
      );
    const plan = this.deps.catalog.plans().find((candidate) => candidate.id === instance.service_plan_id);
    if (shared && !instance.shared && !(plan && isShareable(plan)))
      throw badRequest(
        `The plan of service instance ${name} (${plan?.catalog_name ?? instance.service_plan_id}) does not support instance sharing.`,
      );
    if (shared && !instance.ready)
      throw new ApiError(422, 'ConcurrentOperationInProgress', `Service instance ${name} is not ready yet.`);
    const references = referencesTo(this.deps.store.state, instance.id);
    if (!shared && instance.shared && references.length > 0)
      throw badRequest(
        `Service instance ${name} is still referenced by ${references.length} reference${references.length === 1 ? '' : 's'}: ` +
          `${describeHolders(this.deps.store.state, references)}. Deprovision the references first.`,
      );
  }
}
