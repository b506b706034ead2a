import { findById } from '../record-index';
import type { LastOperation, PlatformBinding, PlatformInstance, PlatformState } from './state';

/** The platform API's answers: the platform's view of its instances and bindings. */
const lastOperationView = ({ type, state, description, updated_at }: LastOperation) => ({
  type,
  state,
  description,
  updated_at,
});

export function instanceView(instance: PlatformInstance, state: Pick<PlatformState, 'brokers'>) {
  const broker = state.brokers.find((candidate) => candidate.sm_broker_id === instance.sm_broker_id);
  return {
    id: instance.id,
    name: instance.name,
    service: instance.service_name,
    service_id: instance.service_id,
    plan: instance.plan_name,
    plan_id: instance.plan_id,
    broker: broker?.name ?? null,
    sm_broker_id: instance.sm_broker_id,
    context: instance.context,
    parameters: instance.parameters,
    state: instance.state,
    last_operation: lastOperationView(instance.last_operation),
    dashboard_url: instance.dashboard_url ?? null,
    created_at: instance.created_at,
    updated_at: instance.updated_at,
  };
}

export function bindingView(binding: PlatformBinding, state: Pick<PlatformState, 'instances'>) {
  const instance = findById(state.instances, binding.service_instance_id);
  return {
    id: binding.id,
    name: binding.name,
    service_instance_id: binding.service_instance_id,
    service_instance_name: instance?.name ?? null,
    context: binding.context,
    ...(binding.bind_resource ? { bind_resource: binding.bind_resource } : {}),
    parameters: binding.parameters,
    credentials: binding.credentials ?? null,
    state: binding.state,
    last_operation: lastOperationView(binding.last_operation),
    created_at: binding.created_at,
    updated_at: binding.updated_at,
  };
}

export const startedOperation = (
  type: LastOperation['type'],
  description: string,
  now: string,
): LastOperation => ({ type, state: 'in progress', description, started_at: now, updated_at: now });
