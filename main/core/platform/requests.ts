import type { ContextFields, Profile } from './profiles';
import type { PlatformBinding, PlatformInstance } from './state';

/** One OSB call a platform makes, below `/v2` of a broker; headers are the transport's business. */
export interface OsbRequest {
  method: 'GET' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query: Record<string, string>;
  body?: Record<string, unknown>;
  /** User-initiated calls carry the originating identity; polls and clean-ups do not. */
  userInitiated: boolean;
}

type InstanceRef = Pick<PlatformInstance, 'id' | 'service_id' | 'plan_id'>;
type BindingRef = Pick<PlatformBinding, 'id'>;

const instancePath = (instance: Pick<PlatformInstance, 'id'>) =>
  `/service_instances/${encodeURIComponent(instance.id)}`;
const bindingPath = (instance: Pick<PlatformInstance, 'id'>, binding: BindingRef) =>
  `${instancePath(instance)}/service_bindings/${encodeURIComponent(binding.id)}`;
const ids = (instance: InstanceRef) => ({ service_id: instance.service_id, plan_id: instance.plan_id });
const withParameters = (parameters: ContextFields | undefined) =>
  parameters && Object.keys(parameters).length > 0 ? { parameters } : {};

export const catalogRequest: OsbRequest = {
  method: 'GET',
  path: '/catalog',
  query: {},
  userInitiated: false,
};

export function provisionRequest(
  profile: Profile,
  instance: InstanceRef & Pick<PlatformInstance, 'context' | 'parameters'>,
  maintenance_info?: unknown,
): OsbRequest {
  const { organization_guid, space_guid } = profile.legacyGuids;
  return {
    method: 'PUT',
    path: instancePath(instance),
    query: { accepts_incomplete: 'true' },
    body: {
      ...ids(instance),
      context: instance.context,
      organization_guid: instance.context[organization_guid],
      space_guid: instance.context[space_guid],
      ...withParameters(instance.parameters),
      ...(maintenance_info ? { maintenance_info } : {}),
    },
    userInitiated: true,
  };
}

/** `plan_id` only when the plan changes, `parameters` only when given; `previous_values` always. */
export function updateRequest(
  profile: Profile,
  instance: InstanceRef & Pick<PlatformInstance, 'context'>,
  change: { plan_id?: string; parameters?: ContextFields; context: ContextFields },
): OsbRequest {
  const { organization_guid, space_guid } = profile.legacyGuids;
  return {
    method: 'PATCH',
    path: instancePath(instance),
    query: { accepts_incomplete: 'true' },
    body: {
      service_id: instance.service_id,
      ...(change.plan_id ? { plan_id: change.plan_id } : {}),
      context: change.context,
      ...withParameters(change.parameters),
      previous_values: {
        ...ids(instance),
        organization_id: instance.context[organization_guid],
        space_id: instance.context[space_guid],
      },
    },
    userInitiated: true,
  };
}

export const deprovisionRequest = (instance: InstanceRef, userInitiated = true): OsbRequest => ({
  method: 'DELETE',
  path: instancePath(instance),
  query: { accepts_incomplete: 'true', ...ids(instance) },
  userInitiated,
});

export function bindRequest(
  instance: InstanceRef,
  binding: BindingRef & Pick<PlatformBinding, 'context' | 'parameters' | 'bind_resource'>,
): OsbRequest {
  const appGuid = binding.bind_resource?.app_guid;
  return {
    method: 'PUT',
    path: bindingPath(instance, binding),
    query: { accepts_incomplete: 'true' },
    body: {
      ...ids(instance),
      context: binding.context,
      ...(typeof appGuid === 'string' ? { app_guid: appGuid } : {}),
      ...(binding.bind_resource ? { bind_resource: binding.bind_resource } : {}),
      ...withParameters(binding.parameters),
    },
    userInitiated: true,
  };
}

export const unbindRequest = (
  instance: InstanceRef,
  binding: BindingRef,
  userInitiated = true,
): OsbRequest => ({
  method: 'DELETE',
  path: bindingPath(instance, binding),
  query: { accepts_incomplete: 'true', ...ids(instance) },
  userInitiated,
});

export const fetchBindingRequest = (instance: InstanceRef, binding: BindingRef): OsbRequest => ({
  method: 'GET',
  path: bindingPath(instance, binding),
  query: {},
  userInitiated: false,
});

/** `last_operation` of an instance, or of a binding when given; the broker's `operation` echoed. */
export function pollRequest(
  instance: InstanceRef,
  binding: BindingRef | undefined,
  operation: string | undefined,
): OsbRequest {
  return {
    method: 'GET',
    path: `${binding ? bindingPath(instance, binding) : instancePath(instance)}/last_operation`,
    query: { ...ids(instance), ...(operation === undefined ? {} : { operation }) },
    userInitiated: false,
  };
}
