import { findById } from '../../record-index';
import type { PlanView } from '../catalog/views';
import type { OperationRecord, SmState } from '../model';
import { resourceTypeOf } from './records';

/** How long an operation may stay in progress when neither the config nor its plan says. */
export const DEFAULT_OPERATION_TIMEOUT_SECONDS = 3600;

/** The plan an instance or binding operation is about (a binding's is its instance's), if the SM knows it. */
function planOf(state: SmState, plans: readonly PlanView[], operation: OperationRecord) {
  const instanceId =
    operation.resource_type === resourceTypeOf.binding
      ? findById(state.bindings, operation.resource_id)?.service_instance_id
      : operation.resource_id;
  const instance = instanceId === undefined ? undefined : findById(state.instances, instanceId);
  const planId = instance?.shared_instance?.service_plan_id ?? instance?.service_plan_id;
  return plans.find((plan) => plan.id === planId);
}

/** `serviceManager.operationTimeoutSeconds` when set, else the plan's `maximum_polling_duration`, else one hour. */
export function operationTimeoutSeconds(
  state: SmState,
  plans: readonly PlanView[],
  operation: OperationRecord,
  configured: number | undefined,
): number {
  return (
    configured ??
    planOf(state, plans, operation)?.maximum_polling_duration ??
    DEFAULT_OPERATION_TIMEOUT_SECONDS
  );
}

/** Whether an operation has been in progress for longer than `timeoutSeconds` at `nowMs`. */
export const isOverdue = (operation: OperationRecord, timeoutSeconds: number, nowMs: number): boolean =>
  nowMs - Date.parse(operation.created_at) >= timeoutSeconds * 1000;

const afterTimeout: Record<OperationRecord['type'], string> = {
  create: 'The SM keeps no record of it; deprovision or unbind it to clean up at the broker.',
  update: 'The instance keeps its previous plan and parameters.',
  delete: 'Deprovision again, or remove the record with ?force=true.',
};

/** The sentence a timed-out operation ends with: what happened, the key that sets the wait, what to do. */
export function timeoutDescription(operation: OperationRecord, timeoutSeconds: number): string {
  return (
    `The ${operation.type} was still in progress after ${timeoutSeconds} s and the broker's last_operation ` +
    'did not say it ended, so the Service Manager marked it failed (the limit: serviceManager.' +
    "operationTimeoutSeconds, else the plan's maximum_polling_duration, else 3600 s). " +
    afterTimeout[operation.type]
  );
}
