import { nowIso } from '../clock';
import { conflict, notFound } from '../errors';
import type { EventBus } from '../events';
import type { StateStore } from '../state';
import { parseInput } from '../validate';
import type { CatalogCache } from './catalog/cache';
import type { PlanView } from './catalog/views';
import { freshResource } from './clock';
import { type InputLimits, smInputs } from './inputs';
import { applyLabelChanges } from './listing';
import type { SmState, VisibilityRecord } from './model';
import type { Notifier } from './notifications';

/** What a broker proxy needs to apply a visibility: the plan's broker and catalog ids. */
function additional(plan: PlanView | undefined) {
  return plan
    ? {
        broker_id: plan.broker_id,
        service_plan: { id: plan.id, catalog_id: plan.catalog_id, catalog_name: plan.catalog_name },
        service_offering_id: plan.service_offering_id,
      }
    : {};
}

/** `/v1/visibilities`: which platforms see which plans (platform_id null = every platform). */
export class VisibilityService {
  constructor(
    private readonly deps: {
      store: StateStore<SmState>;
      catalog: CatalogCache;
      notifier: Notifier;
      events: EventBus;
      limits?: InputLimits;
    },
  ) {
    this.#inputs = smInputs(deps.limits);
  }

  readonly #inputs: ReturnType<typeof smInputs>;

  list(): VisibilityRecord[] {
    return this.deps.store.state.visibilities;
  }

  get(id: string): VisibilityRecord {
    const visibility = this.deps.store.state.visibilities.find((candidate) => candidate.id === id);
    if (!visibility)
      throw notFound(`There is no visibility with id ${id}. List them with GET /v1/visibilities.`);
    return visibility;
  }

  async create(body: unknown): Promise<VisibilityRecord> {
    const input = parseInput(this.#inputs.visibilityCreate, body, 'The visibility');
    const plan = this.#plan(input.service_plan_id);
    const record: VisibilityRecord = {
      ...freshResource(),
      service_plan_id: plan.id,
      platform_id: input.platform_id ?? null,
      labels: input.labels ?? {},
    };
    return this.#commit('CREATED', record, (state) => {
      this.#checkPlatform(state, record.platform_id);
      this.#refuseDuplicate(state, record);
      state.visibilities.push(record);
    });
  }

  async update(id: string, body: unknown): Promise<VisibilityRecord> {
    const input = parseInput(this.#inputs.visibilityPatch, body, 'The visibility patch');
    const before = this.get(id);
    const after: VisibilityRecord = {
      ...before,
      platform_id: input.platform_id === undefined ? before.platform_id : input.platform_id,
      labels: input.labels
        ? applyLabelChanges(before.labels, input.labels, this.deps.limits?.maxNameLength)
        : before.labels,
      updated_at: nowIso(),
    };
    return this.#commit('MODIFIED', after, (state) => {
      this.#checkPlatform(state, after.platform_id);
      this.#refuseDuplicate(state, after);
      state.visibilities = state.visibilities.map((visibility) =>
        visibility.id === id ? after : visibility,
      );
    });
  }

  async delete(id: string): Promise<void> {
    const visibility = this.get(id);
    await this.#commit('DELETED', visibility, (state) => {
      state.visibilities = state.visibilities.filter((candidate) => candidate.id !== id);
    });
  }

  /**
   * Makes every plan of a broker visible to every platform (the sample broker on first start), in one commit:
   * the platforms get one notification per plan.
   */
  async publishAllPlans(brokerId: string): Promise<void> {
    const published = new Set(
      this.list()
        .filter((visibility) => visibility.platform_id === null)
        .map((visibility) => visibility.service_plan_id),
    );
    const records = this.deps.catalog
      .plans()
      .filter((plan) => plan.broker_id === brokerId && !published.has(plan.id))
      .map(
        (plan): VisibilityRecord => ({
          ...freshResource(),
          service_plan_id: plan.id,
          platform_id: null,
          labels: {},
        }),
      );
    if (records.length === 0) return;
    await this.#commitAll('CREATED', records, (state) => {
      for (const record of records) this.#refuseDuplicate(state, record);
      state.visibilities.push(...records);
    });
  }

  async #commit(
    type: 'CREATED' | 'MODIFIED' | 'DELETED',
    visibility: VisibilityRecord,
    mutate: (state: SmState) => void,
  ): Promise<VisibilityRecord> {
    await this.#commitAll(type, [visibility], mutate);
    return visibility;
  }

  /** Applies `mutate` and one notification per visibility in one store commit, then tells the platforms. */
  async #commitAll(
    type: 'CREATED' | 'MODIFIED' | 'DELETED',
    visibilities: readonly VisibilityRecord[],
    mutate: (state: SmState) => void,
  ): Promise<void> {
    const plans = new Map(this.deps.catalog.plans().map((plan) => [plan.id, plan]));
    const notifications = await this.deps.store.update((state) => {
      mutate(state);
      return visibilities.map((visibility) =>
        this.deps.notifier.append(state, {
          resource: '/v1/visibilities',
          type,
          platform_id: visibility.platform_id,
          payload: {
            [type === 'DELETED' ? 'old' : 'new']: {
              resource: visibility,
              additional: additional(plans.get(visibility.service_plan_id)),
            },
          },
        }),
      );
    });
    this.deps.notifier.publish(notifications);
    for (const visibility of visibilities)
      this.deps.events.emit('sm.visibility', { action: type.toLowerCase(), visibility });
  }

  #plan(id: string): PlanView {
    const plan = this.deps.catalog.plans().find((candidate) => candidate.id === id);
    if (!plan)
      throw notFound(`There is no service plan with id ${id}. List them with GET /v1/service_plans.`);
    return plan;
  }

  /** One visibility per plan and platform. */
  #refuseDuplicate(state: SmState, record: VisibilityRecord): void {
    const duplicate = state.visibilities.find(
      (other) =>
        other.id !== record.id &&
        other.service_plan_id === record.service_plan_id &&
        other.platform_id === record.platform_id,
    );
    if (duplicate) {
      const plan = this.deps.catalog.plans().find((candidate) => candidate.id === record.service_plan_id);
      throw conflict(
        `Plan ${plan?.name ?? record.service_plan_id} is already visible to ${record.platform_id ?? 'every platform'} (visibility ${duplicate.id}).`,
      );
    }
  }

  #checkPlatform(state: SmState, platformId: string | null): void {
    if (platformId !== null && !state.platforms.some((platform) => platform.id === platformId)) {
      throw notFound(`There is no platform with id ${platformId}. List them with GET /v1/platforms.`);
    }
  }
}
