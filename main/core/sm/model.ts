import { z } from 'zod';

/** What the Service Manager keeps in the data file (the catalogs themselves live in memory). */
export const labelsSchema = z.record(z.string(), z.array(z.string()));
export type Labels = z.infer<typeof labelsSchema>;

const credentialsSchema = z.object({ username: z.string().min(1), password: z.string().min(1) });
export type Credentials = z.infer<typeof credentialsSchema>;

const resourceFields = {
  id: z.string().min(1),
  created_at: z.string(),
  updated_at: z.string(),
  labels: labelsSchema,
  ready: z.boolean(),
};

export const brokerRecordSchema = z.object({
  ...resourceFields,
  name: z.string().min(1),
  description: z.string(),
  broker_url: z.string().url(),
  credentials: z.object({ basic: credentialsSchema }),
});
export type BrokerRecord = z.infer<typeof brokerRecordSchema>;

export const platformRecordSchema = z.object({
  ...resourceFields,
  name: z.string().min(1),
  type: z.string().min(1),
  description: z.string(),
  /** The first works; a second is the regenerated pair, which replaces it once the proxy uses it. */
  credentials: z.array(credentialsSchema).min(1),
});
export type PlatformRecord = z.infer<typeof platformRecordSchema>;

export const visibilityRecordSchema = z.object({
  ...resourceFields,
  service_plan_id: z.string().min(1),
  platform_id: z.string().min(1).nullable(),
});
export type VisibilityRecord = z.infer<typeof visibilityRecordSchema>;

const jsonObject = z.record(z.string(), z.unknown());

export const instanceRecordSchema = z.object({
  ...resourceFields,
  name: z.string(),
  service_plan_id: z.string(),
  service_offering_id: z.string(),
  broker_id: z.string(),
  platform_id: z.string(),
  context: jsonObject,
  parameters: jsonObject,
  maintenance_info: jsonObject.optional(),
  dashboard_url: z.string().optional(),
  usable: z.boolean(),
  shared: z.boolean(),
  /** For a reference to a shared instance (set by the sharing rules). */
  referenced_instance_id: z.string().optional(),
  /**
   * A reference's copy of the shared instance's plan and context, and the original's name and platform: it
   * outlives a detached original.
   */
  shared_instance: z
    .object({
      service_plan_id: z.string(),
      context: jsonObject,
      name: z.string().optional(),
      platform_id: z.string().optional(),
    })
    .optional(),
  /** The state to go back to when an async update fails. */
  previous: z
    .object({
      service_plan_id: z.string(),
      context: jsonObject,
      parameters: jsonObject,
      maintenance_info: jsonObject.optional(),
    })
    .optional(),
});
export type InstanceRecord = z.infer<typeof instanceRecordSchema>;

export const bindingRecordSchema = z.object({
  ...resourceFields,
  name: z.string(),
  service_instance_id: z.string(),
  platform_id: z.string(),
  context: jsonObject,
  parameters: jsonObject,
  bind_resource: jsonObject.optional(),
  credentials: jsonObject.optional(),
  syslog_drain_url: z.string().optional(),
  route_service_url: z.string().optional(),
  volume_mounts: z.array(z.unknown()).optional(),
});
export type BindingRecord = z.infer<typeof bindingRecordSchema>;

export const operationTypes = ['create', 'update', 'delete'] as const;
export const operationStates = ['in progress', 'succeeded', 'failed'] as const;
export const resourceTypes = [
  '/v1/service_brokers',
  '/v1/platforms',
  '/v1/visibilities',
  '/v1/service_instances',
  '/v1/service_bindings',
] as const;

export const operationRecordSchema = z.object({
  ...resourceFields,
  type: z.enum(operationTypes),
  state: z.enum(operationStates),
  resource_id: z.string(),
  resource_type: z.enum(resourceTypes),
  platform_id: z.string().nullable(),
  correlation_id: z.string(),
  description: z.string(),
  errors: z.array(z.object({ error: z.string().optional(), description: z.string() })),
  /** The broker's `operation` value, echoed when polling. */
  external_id: z.string().optional(),
});
export type OperationRecord = z.infer<typeof operationRecordSchema>;

export const notificationRecordSchema = z.object({
  id: z.string(),
  revision: z.number().int().positive(),
  resource: z.enum(['/v1/service_brokers', '/v1/visibilities']),
  type: z.enum(['CREATED', 'MODIFIED', 'DELETED']),
  platform_id: z.string().nullable(),
  payload: jsonObject,
  created_at: z.string(),
});
export type NotificationRecord = z.infer<typeof notificationRecordSchema>;

export const smStateSchema = z.object({
  brokers: z.array(brokerRecordSchema),
  platforms: z.array(platformRecordSchema),
  visibilities: z.array(visibilityRecordSchema),
  instances: z.array(instanceRecordSchema),
  bindings: z.array(bindingRecordSchema),
  operations: z.array(operationRecordSchema),
  /** Labels set on offerings and plans (whose records come from the catalog cache), by SM id. */
  catalogLabels: z.record(z.string(), labelsSchema),
  /** Every broker and visibility change, newest last, bounded. */
  notifications: z.array(notificationRecordSchema),
  revision: z.number().int().min(0),
  /** Set once the sample broker was registered on first start, so a user's removal of it sticks. */
  sampleBrokerRegistered: z.boolean(),
});
export type SmState = z.infer<typeof smStateSchema>;

export const emptySmState = (): SmState => ({
  brokers: [],
  platforms: [],
  visibilities: [],
  instances: [],
  bindings: [],
  operations: [],
  catalogLabels: {},
  notifications: [],
  revision: 0,
  sampleBrokerRegistered: false,
});
