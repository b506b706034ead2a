import { z } from 'zod';

/** The sample broker's section of the data file. */
const jsonObject = z.record(z.string(), z.unknown());

export const operationKinds = ['provision', 'update', 'deprovision', 'bind', 'unbind'] as const;
export type OperationKind = (typeof operationKinds)[number];

/** What an update applies to its instance once it succeeds; cleared once applied. */
const pendingUpdateSchema = z.object({
  planId: z.string(),
  parameters: jsonObject,
  context: jsonObject,
  maintenanceVersion: z.string().nullable(),
});
export type PendingUpdate = z.infer<typeof pendingUpdateSchema>;

/**
 * An asynchronous operation. Its state is computed from the clock (`completesAt`), so nothing needs a
 * timer and a restart changes nothing; it stays on its resource after completion so a re-poll still gets
 * the terminal state.
 */
export const operationSchema = z.object({
  id: z.string(),
  kind: z.enum(operationKinds),
  startedAt: z.string(),
  completesAt: z.string(),
  outcome: z.enum(['succeeded', 'failed']),
  /** Why it fails (from a `failLastOperation` fault). */
  failure: z.string().optional(),
  pendingUpdate: pendingUpdateSchema.optional(),
});
export type Operation = z.infer<typeof operationSchema>;

export const instanceSchema = z.object({
  id: z.string(),
  serviceId: z.string(),
  planId: z.string(),
  parameters: jsonObject,
  context: jsonObject,
  maintenanceVersion: z.string().nullable(),
  dashboardUrl: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  operation: operationSchema.nullable(),
});
export type InstanceRecord = z.infer<typeof instanceSchema>;

export const bindingSchema = z.object({
  id: z.string(),
  instanceId: z.string(),
  serviceId: z.string(),
  planId: z.string(),
  appGuid: z.string().nullable(),
  bindResource: jsonObject.nullable(),
  parameters: jsonObject,
  context: jsonObject,
  credentials: jsonObject,
  syslogDrainUrl: z.string().nullable(),
  createdAt: z.string(),
  operation: operationSchema.nullable(),
});
export type BindingRecord = z.infer<typeof bindingSchema>;

export const sampleBrokerStateSchema = z.object({
  instances: z.record(z.string(), instanceSchema),
  bindings: z.record(z.string(), bindingSchema),
  /** Ids deleted lately, newest last, so `last_operation` answers 410 (not 404) after a delete. */
  gone: z.object({ instances: z.array(z.string()), bindings: z.array(z.string()) }),
});
export type SampleBrokerState = z.infer<typeof sampleBrokerStateSchema>;

export const emptySampleBrokerState = (): SampleBrokerState => ({
  instances: {},
  bindings: {},
  gone: { instances: [], bindings: [] },
});
