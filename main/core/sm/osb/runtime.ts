import type { EventBus } from '../../events';
import type { OsbRoute } from '../../osb/endpoints';
import type { StateStore } from '../../state';
import type { CatalogCache } from '../catalog/cache';
import { OSB_VERSION } from '../catalog/fetch-catalog';
import type {
  BindingRecord,
  BrokerRecord,
  InstanceRecord,
  OperationRecord,
  PlatformRecord,
  SmState,
} from '../model';
import {
  activeOperation,
  finishOperation,
  type OperationType,
  operationById,
  type ResourceKind,
  resourceKindOf,
  startOperation,
} from '../operations/records';
import type { OsbContext } from '../plugins/types';
import { emitSharing } from '../sharing/events';
import type { OsbBody } from './bodies';
import type { BrokerGateway, BrokerOutcome } from './gateway';
import { type Outcome, outcomeOfChange, outcomeOfPoll } from './outcomes';
import type { DeleteWithReferences } from './references';
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
  /** The request body as the rules checked it (after the plugins' `before` hooks). */
  body: OsbBody;
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
   * Runs in the store update that starts the operation, in the same tick as the rules (rules/index.ts)
   * checked just before the handler: the record a create stores (not ready).
   */
  begin(state: SmState): Omit<Settled, 'operation'>;
  /** The fields to store when the broker succeeds or accepts, from its answer body. */
  changes?(body: unknown): Changes;
}

/** Where a stored operation's `last_operation` is asked (see `askLastOperation`). */
export interface PollTarget {
  broker: BrokerRecord;
  /** Below `/v2`. */
  path: string;
  query: Record<string, string>;
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

  /** Whether a call of ours still waits on the broker's answer for this operation. */
  busy(operationId: string): boolean {
    return this.#inFlight.has(operationId);
  }

  /**
   * Starts an operation (and the record of a create), calls the broker, and stores what its answer means.
   * A delete supersedes the operation it found running: once the broker accepts the delete, that one ends
   * failed; while the broker refuses, it stays as it was.
   */
  async change(job: OsbJob, spec: ChangeSpec): Promise<OsbAnswer> {
    let operationId: string | undefined;
    let superseded: string | undefined;
    let outcome: BrokerOutcome;
    try {
      const started = await this.store.update((state): Settled => {
        if (spec.type === 'delete') superseded = activeOperation(state, spec.kind, spec.resourceId)?.id;
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
    const supersede = result.kind === 'failed' ? undefined : superseded;
    await this.#settle(operationId!, result, spec.changes?.(body), supersede);
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

  /**
   * Asks the broker's `last_operation` about a stored operation nobody waits on (after a restart, or when no
   * platform polls any more); `applyPoll` then stores a final answer, as a platform's poll would.
   */
  askLastOperation(operation: OperationRecord, target: PollTarget): Promise<BrokerOutcome> {
    const request = { body: undefined, query: target.query, headers: { version: OSB_VERSION } };
    return this.gateway.send(target.broker, 'GET', target.path, request, operation.correlation_id);
  }

  async applyPoll(operation: OperationRecord, outcome: BrokerOutcome, brokerName: string): Promise<void> {
    const kind = resourceKindOf(operation);
    const active = kind && activeOperation(this.store.state, kind, operation.resource_id);
    if (active?.id !== operation.id || this.busy(operation.id)) return;
    await this.#settle(operation.id, outcomeOfPoll(operation.type, outcome, brokerName));
  }

  /** Ends an operation in progress as failed without asking the broker (its timeout passed). */
  fail(operationId: string, failure: { error?: string; description: string }): Promise<void> {
    return this.#settle(operationId, { kind: 'failed', ...failure });
  }

  async #settle(
    operationId: string,
    outcome: Outcome,
    changes?: Changes,
    supersededId?: string,
  ): Promise<void> {
    if (outcome.kind === 'pending') return;
    const [settled, superseded] = await this.store.update((state) => {
      const done = settle(state, operationId, outcome, changes);
      return [done, done && supersededId ? supersede(state, supersededId, done.operation) : undefined];
    });
    emitSettled(this.events, settled);
    if (superseded) emitSettled(this.events, { operation: superseded });
    // Only the last holder of a shared instance is deleted at the broker, so a reference gone here was it.
    const gone = settled?.instance;
    if (gone?.action === 'deleted' && gone.record.referenced_instance_id) {
      const sharedId = gone.record.referenced_instance_id;
      emitSharing(this.events, this.store.state, 'last-holder-gone', sharedId, gone.record);
    }
  }
}

/** Ends the operation a delete replaced, keeping its record: the delete decides what becomes of that. */
function supersede(state: SmState, operationId: string, by: OperationRecord): OperationRecord | undefined {
  const operation = operationById(state, operationId);
  if (operation?.state !== 'in progress') return undefined;
  finishOperation(operation, {
    state: 'failed',
    error: 'Superseded',
    description: `Superseded by the delete operation ${by.id}, which the broker accepted.`,
  });
  return operation;
}
