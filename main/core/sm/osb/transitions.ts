import { nowIso } from '../../clock';
import { findById } from '../../record-index';
import type { BindingRecord, InstanceRecord, OperationRecord, SmState } from '../model';
import { finishOperation, operationById, resourceTypeOf } from '../operations/records';
import type { Outcome } from './outcomes';

export interface RecordChange<T> {
  action: 'created' | 'updated' | 'deleted';
  record: T;
}

/** What one store update did, for the events. */
export interface Settled {
  operation: OperationRecord;
  instance?: RecordChange<InstanceRecord>;
  binding?: RecordChange<BindingRecord>;
}

type Resource = { id: string; ready: boolean; updated_at: string };

/** What instances add to the common rules: `usable`, and the rollback copy of an async update. */
interface Rules<T> {
  accepted?(record: T, operation: OperationRecord): void;
  succeeded?(record: T): void;
  failed?(record: T, outcome: Outcome & { kind: 'failed' }): void;
}

const instanceRules: Rules<InstanceRecord> = {
  accepted(record, operation) {
    if (operation.type !== 'update') return;
    const { service_plan_id, context, parameters, maintenance_info } = record;
    record.previous = {
      service_plan_id,
      context,
      parameters,
      ...(maintenance_info ? { maintenance_info } : {}),
    };
  },
  succeeded(record) {
    record.usable = true;
    delete record.previous;
  },
  failed(record, outcome) {
    const { previous } = record;
    if (previous) {
      const { maintenance_info, ...kept } = previous;
      Object.assign(record, kept);
      if (maintenance_info) record.maintenance_info = maintenance_info;
      else delete record.maintenance_info;
      delete record.previous;
    }
    if (outcome.usable !== undefined) record.usable = outcome.usable;
  },
};

function apply<T extends Resource>(
  records: T[],
  operation: OperationRecord,
  outcome: Exclude<Outcome, { kind: 'pending' }>,
  changes: Partial<T>,
  rules: Rules<T>,
): RecordChange<T> | undefined {
  const record = findById(records, operation.resource_id);
  const index = record ? records.indexOf(record) : -1;
  const now = nowIso();
  if (outcome.kind === 'accepted') {
    if (outcome.operation !== undefined) operation.external_id = outcome.operation;
    operation.updated_at = now;
  } else {
    finishOperation(
      operation,
      outcome.kind === 'succeeded' ? { state: 'succeeded' } : { ...outcome, state: 'failed' },
    );
  }
  if (!record) return undefined;
  const removed =
    outcome.kind === 'succeeded'
      ? operation.type === 'delete'
      : outcome.kind === 'failed' && operation.type === 'create';
  if (removed) {
    records.splice(index, 1);
    return { action: 'deleted', record };
  }
  if (outcome.kind === 'accepted') rules.accepted?.(record, operation);
  if (outcome.kind !== 'failed') Object.assign(record, changes);
  if (outcome.kind === 'succeeded') {
    record.ready = true;
    rules.succeeded?.(record);
  }
  if (outcome.kind === 'failed') rules.failed?.(record, outcome);
  record.updated_at = now;
  return { action: 'updated', record };
}

/**
 * Applies a broker's verdict on an operation in progress to the stored records (inside a store update).
 * `changes` are the fields a success or acceptance stores (new plan, dashboard URL, credentials, ...).
 * Undefined when the operation was settled already (e.g. by a concurrent poll).
 */
export function settle(
  state: SmState,
  operationId: string,
  outcome: Exclude<Outcome, { kind: 'pending' }>,
  changes: Partial<InstanceRecord> | Partial<BindingRecord> = {},
): Settled | undefined {
  const operation = operationById(state, operationId);
  if (operation?.state !== 'in progress') return undefined;
  if (operation.resource_type === resourceTypeOf.instance) {
    const instance = apply(
      state.instances,
      operation,
      outcome,
      changes as Partial<InstanceRecord>,
      instanceRules,
    );
    return instance ? { operation, instance } : { operation };
  }
  const binding = apply(state.bindings, operation, outcome, changes as Partial<BindingRecord>, {});
  return binding ? { operation, binding } : { operation };
}
