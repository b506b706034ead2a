/** The fields `fieldQuery` may name, per resource (dotted paths reach into objects such as `context`). */
const common = ['id', 'created_at', 'updated_at', 'ready'];

export const queryableFields = {
  brokers: [...common, 'name', 'description', 'broker_url'],
  platforms: [...common, 'name', 'type', 'description'],
  offerings: [...common, 'name', 'description', 'broker_id', 'catalog_id', 'catalog_name', 'bindable', 'plan_updateable'],
  plans: [
    ...common,
    'name',
    'description',
    'catalog_id',
    'catalog_name',
    'service_offering_id',
    'broker_id',
    'free',
    'bindable',
    'plan_updateable',
  ],
  visibilities: [...common, 'platform_id', 'service_plan_id'],
  instances: [
    ...common,
    'name',
    'service_plan_id',
    'service_offering_id',
    'broker_id',
    'platform_id',
    'usable',
    'shared',
    'referenced_instance_id',
    'dashboard_url',
    'context.organization_guid',
    'context.space_guid',
    'context.namespace',
    'context.instance_name',
  ],
  bindings: [...common, 'name', 'service_instance_id', 'platform_id'],
  operations: [...common, 'type', 'state', 'resource_id', 'resource_type', 'platform_id', 'correlation_id'],
} as const;
