import { findById } from '../../record-index';
import type { CatalogCache } from '../catalog/cache';
import { runPool } from '../catalog/pool';
import type { OperationRecord, SmState } from '../model';
import { activeOperation, resourceKindOf, resourceTypeOf } from '../operations/records';
import { isOverdue, operationTimeoutSeconds, timeoutDescription } from '../operations/timeout';
import { brokerInstanceIdOf } from '../sharing/holders';
import type { OsbRuntime, PollTarget } from './runtime';

export interface MaintainerSettings {
  /** `serviceManager.operationTimeoutSeconds`; unset: the plan's `maximum_polling_duration`, else one hour. */
  operationTimeoutSeconds?: number;
}

/** Broker polls of one check at once. */
const CONCURRENCY = 4;
const MAX_CHECK_INTERVAL_MS = 30_000;
const MIN_CHECK_INTERVAL_MS = 200;

/** A check every quarter of the configured timeout (so an operation ends at most that late), 30 s at most. */
export const checkIntervalMs = (timeoutSeconds: number | undefined): number =>
  timeoutSeconds === undefined
    ? MAX_CHECK_INTERVAL_MS
    : Math.min(MAX_CHECK_INTERVAL_MS, Math.max(MIN_CHECK_INTERVAL_MS, (timeoutSeconds * 1000) / 4));

/** The operations to look after: the newest one in progress of each instance or binding, nobody waiting on it. */
function unattended(state: SmState, rt: OsbRuntime): OperationRecord[] {
  return state.operations.filter((operation) => {
    const kind = resourceKindOf(operation);
    return (
      kind !== undefined &&
      operation.state === 'in progress' &&
      !rt.busy(operation.id) &&
      activeOperation(state, kind, operation.resource_id) === operation
    );
  });
}

/** Where to ask how an operation went: its instance's broker, as a platform would poll it. */
function pollTarget(
  state: SmState,
  catalog: CatalogCache,
  operation: OperationRecord,
): PollTarget | undefined {
  const binding =
    operation.resource_type === resourceTypeOf.binding
      ? findById(state.bindings, operation.resource_id)
      : undefined;
  if (operation.resource_type === resourceTypeOf.binding && !binding) return undefined;
  const instanceId = binding?.service_instance_id ?? operation.resource_id;
  const instance = findById(state.instances, instanceId);
  const broker = instance && state.brokers.find((candidate) => candidate.id === instance.broker_id);
  if (!instance || !broker) return undefined;
  // A reference's calls reach the broker as calls on the shared instance.
  const planId = instance.shared_instance?.service_plan_id ?? instance.service_plan_id;
  const plan = catalog.plans().find((candidate) => candidate.id === planId);
  const offering = catalog.offerings().find((candidate) => candidate.id === plan?.service_offering_id);
  const brokerInstanceId = encodeURIComponent(brokerInstanceIdOf(instance));
  const bindingPath = binding ? `/service_bindings/${encodeURIComponent(binding.id)}` : '';
  return {
    broker,
    path: `/service_instances/${brokerInstanceId}${bindingPath}/last_operation`,
    query: {
      ...(offering ? { service_id: offering.catalog_id } : {}),
      ...(plan ? { plan_id: plan.catalog_id } : {}),
      ...(operation.external_id === undefined ? {} : { operation: operation.external_id }),
    },
  };
}

/**
 * Makes every instance and binding operation end, like the Peripli Service Manager's operation maintainer:
 * at start and then periodically, an operation nobody waits on (left by a crash, or no platform polls it any
 * more) is resumed by polling the broker's `last_operation`, and failed once its timeout has passed.
 */
export class OperationMaintainer {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;

  constructor(
    private readonly rt: OsbRuntime,
    private readonly catalog: CatalogCache,
    private readonly settings: MaintainerSettings,
  ) {}

  /** The start sweep, then a check every `checkIntervalMs`; the timer does not keep the process alive. */
  start(): void {
    if (this.#timer) return;
    this.#stopped = false;
    void this.check();
    this.#timer = setInterval(
      () => void this.check(),
      checkIntervalMs(this.settings.operationTimeoutSeconds),
    );
    this.#timer.unref();
  }

  /** Stops the timer; a broker answer still on its way is then not stored. */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#stopped = true;
  }

  /** One pass over the unattended operations; a pass already running is joined, not doubled. */
  check(): Promise<void> {
    this.#running ??= this.#checkAll().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #checkAll(): Promise<void> {
    // A store write that fails is tried again at the next check; it must not end the process.
    await runPool(unattended(this.rt.store.state, this.rt), CONCURRENCY, (operation) =>
      this.#maintain(operation).catch(() => undefined),
    );
  }

  async #maintain(operation: OperationRecord): Promise<void> {
    const state = this.rt.store.state;
    const target = pollTarget(state, this.catalog, operation);
    if (target) {
      // A call that fails in a way the gateway does not answer for counts as no answer.
      const outcome = await this.rt.askLastOperation(operation, target).catch(() => undefined);
      if (this.#stopped) return;
      if (outcome) await this.rt.applyPoll(operation, outcome, target.broker.name);
    }
    const current = this.rt.store.state.operations.find((candidate) => candidate.id === operation.id);
    if (current?.state !== 'in progress' || this.rt.busy(current.id)) return;
    const seconds = operationTimeoutSeconds(
      this.rt.store.state,
      this.catalog.plans(),
      current,
      this.settings.operationTimeoutSeconds,
    );
    if (!isOverdue(current, seconds, Date.now())) return;
    await this.rt.fail(current.id, {
      error: 'OperationTimeout',
      description: timeoutDescription(current, seconds),
    });
  }
}
