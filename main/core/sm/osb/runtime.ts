import type { EventBus } from '../../events';
import type { StateStore } from '../../state';
import type { CatalogCache } from '../catalog/cache';
import type { BindingRecord, BrokerRecord, InstanceRecord, PlatformRecord, SmState } from '../model';
import {
  activeOperation,
  type OperationType,
  type ResourceKind,
  startOperation,
} from '../operations/records';
import type { OsbContext } from '../plugins/types';
import { emitSharing } from '../sharing/events';
import type { BrokerGateway, BrokerOutcome } from './gateway';
import { type Outcome, outcomeOfChange, outcomeOfPoll } from './outcomes';
import type { DeleteWithReferences } from './references';
import type { OsbRoute } from './routes';
import { emitSettled } from './safe-views';
import { type Settled, settle } from './transitions';
import type { OsbAnswer } from './types';

/** One OSB call on its way through the SM. */
export interface OsbJob {
  ctx: OsbContext;
  route: OsbRoute;
  broker: BrokerRecord;
  platform: PlatformRecord;
  path: string;
  /** A call on a reference goes to the broker as this call on the shared instance. */
  forwardAs?: { path: string; request: OsbContext['request'] };
}

type Changes = Partial<InstanceRecord> | Partial<BindingRecord>;

export interface ChangeSpec {
  kind: ResourceKind;
  type: OperationType;
  resourceId: string;
  description: string;
  /**
   * Runs in the store update that starts the operation, in the same tick as checks made synchronously
   * before `change()`: the record a create stores (not ready).
   */
  begin(state: SmState): Omit<Settled, 'operation'>;
  /** The fields to store when the broker succeeds or accepts, from its answer body. */
  changes?(body: unknown): Changes;
}

/** The machinery the OSB handlers share: the store, the broker gateway, operations and their events. */
export class OsbRuntime {
  /** Operations whose broker call is still running: polls must not settle them. */
  readonly #inFlight = new Set<string>();

  constructor(
    readonly store: StateStore<SmState>,
    readonly catalog: CatalogCache,
    readonly events: EventBus,
    private readonly gateway: BrokerGateway,
    readonly onDeleteWithReferences: DeleteWithReferences = 'detach',
  ) {}

  forward(job: OsbJob): Promise<BrokerOutcome> {
    const { path, request } = job.forwardAs ?? { path: job.path, request: job.ctx.request };
    return this.gateway.send(job.broker, job.route.method, path, request, job.ctx.flowId);
  }

  /** Starts an operation (and the record of a create), calls the broker, and stores what its answer means. */
  async change(job: OsbJob, spec: ChangeSpec): Promise<OsbAnswer> {
    let operationId: string | undefined;
    let outcome: BrokerOutcome;
    try {
      const started = await this.store.update((state): Settled => {
        const records = spec.begin(state);
        const operation = startOperation(state, {
          kind: spec.kind,
          type: spec.type,
          resourceId: spec.resourceId,
          platformId: job.platform.id,
          correlationId: job.ctx.flowId,
          description: spec.description,
        });
        operationId = operation.id;
        this.#inFlight.add(operation.id);
        return { operation, ...records };
      });
      emitSettled(this.events, started);
      outcome = await this.forward(job);
    } catch (error) {
      const failed: Outcome = { kind: 'failed', description: `The SM failed to call the broker: ${error}` };
      if (operationId) await this.#settle(operationId, failed);
      throw error;
    } finally {
      if (operationId) this.#inFlight.delete(operationId);
    }
    const result = outcomeOfChange(spec.type, outcome, job.broker.name);
    const body = outcome.kind === 'response' ? outcome.response.body : undefined;
    await this.#settle(operationId!, result, spec.changes?.(body));
    return outcome.answer;
  }

  /** Forwards a `last_operation` poll; a final state settles the resource's asynchronous operation. */
  async poll(job: OsbJob, kind: ResourceKind, resourceId: string): Promise<OsbAnswer> {
    const outcome = await this.forward(job);
    const operation = activeOperation(this.store.state, kind, resourceId);
    if (!operation || this.#inFlight.has(operation.id)) return outcome.answer;
    const result = outcomeOfPoll(operation.type, outcome, job.broker.name);
    await this.#settle(operation.id, result);
    return outcome.answer;
  }

  async #settle(operationId: string, outcome: Outcome, changes?: Changes): Promise<void> {
    if (outcome.kind === 'pending') return;
    const settled = await this.store.update((state) => settle(state, operationId, outcome, changes));
    emitSettled(this.events, settled);
    // Only the last holder of a shared instance is deleted at the broker, so a reference gone here was it.
    const gone = settled?.instance;
    if (gone?.action === 'deleted' && gone.record.referenced_instance_id) {
      const sharedId = gone.record.referenced_instance_id;
      emitSharing(this.events, this.store.state, 'last-holder-gone', sharedId, gone.record);
    }
  }
}
