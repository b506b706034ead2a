import { z } from 'zod';

/** What one simulated platform keeps in the data file (section `platforms`, keyed by platform name). */
const jsonObject = z.record(z.string(), z.unknown());
const credentialsSchema = z.object({ username: z.string().min(1), password: z.string().min(1) });

export const operationStates = ['in progress', 'succeeded', 'failed'] as const;
export type OperationState = (typeof operationStates)[number];
export type OperationType = 'create' | 'update' | 'delete';

export const lastOperationSchema = z.object({
  type: z.enum(['create', 'update', 'delete']),
  state: z.enum(operationStates),
  description: z.string(),
  /** The broker's `operation` value, echoed when polling. */
  operation: z.string().optional(),
  started_at: z.string(),
  updated_at: z.string(),
});
export type LastOperation = z.infer<typeof lastOperationSchema>;

/** A broker the proxy registered in this platform: `sm-<name>-<id>`, pointing at the proxy. */
export const registeredBrokerSchema = z.object({
  name: z.string(),
  sm_broker_id: z.string(),
  broker_url: z.string(),
  registered_at: z.string(),
  updated_at: z.string(),
});
export type RegisteredBroker = z.infer<typeof registeredBrokerSchema>;

/** A plan the platform offers (its own service-access record), from the SM's visibilities. */
export const planVisibilitySchema = z.object({
  sm_plan_id: z.string(),
  sm_broker_id: z.string(),
  /** The plan's id in the broker's catalog. */
  plan_id: z.string(),
  /** Cloud Foundry only: the organizations that see the plan; null = every organization. */
  organizations: z.array(z.string()).nullable(),
});
export type PlanVisibility = z.infer<typeof planVisibilitySchema>;

export const platformInstanceSchema = z.object({
  id: z.string(),
  name: z.string(),
  sm_broker_id: z.string(),
  service_id: z.string(),
  service_name: z.string(),
  plan_id: z.string(),
  plan_name: z.string(),
  context: jsonObject,
  parameters: jsonObject,
  dashboard_url: z.string().optional(),
  state: z.enum(operationStates),
  last_operation: lastOperationSchema,
  /** What an update in progress changes once it succeeds. */
  pending: z
    .object({ plan_id: z.string(), plan_name: z.string(), parameters: jsonObject, context: jsonObject })
    .optional(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type PlatformInstance = z.infer<typeof platformInstanceSchema>;

export const platformBindingSchema = z.object({
  id: z.string(),
  name: z.string(),
  service_instance_id: z.string(),
  context: jsonObject,
  bind_resource: jsonObject.optional(),
  parameters: jsonObject,
  credentials: jsonObject.optional(),
  state: z.enum(operationStates),
  last_operation: lastOperationSchema,
  created_at: z.string(),
  updated_at: z.string(),
});
export type PlatformBinding = z.infer<typeof platformBindingSchema>;

export const platformStateSchema = z.object({
  /** The platform's record in the SM and the credentials the SM gave it; reused across restarts. */
  sm: z.object({ id: z.string(), credentials: credentialsSchema }).nullable(),
  /** What callers of this platform's broker proxy authenticate with. */
  proxyCredentials: credentialsSchema,
  /** The last notification revision the proxy applied (0 = none yet). */
  revision: z.number().int().min(0),
  brokers: z.array(registeredBrokerSchema),
  visibilities: z.array(planVisibilitySchema),
  instances: z.array(platformInstanceSchema),
  bindings: z.array(platformBindingSchema),
});
export type PlatformState = z.infer<typeof platformStateSchema>;

export const platformsSectionSchema = z.record(z.string(), platformStateSchema);

export const emptyPlatformState = (proxyCredentials: PlatformState['proxyCredentials']): PlatformState => ({
  sm: null,
  proxyCredentials,
  revision: 0,
  brokers: [],
  visibilities: [],
  instances: [],
  bindings: [],
});
