import { z } from 'zod';
import { fromError } from 'zod-validation-error';
import { badRequest } from '../errors';

/** OSB request bodies and queries as the sample broker reads them; unknown fields are ignored. */
const jsonObject = z.record(z.string(), z.unknown());
const id = z.string().min(1);
const maintenanceInfo = z.object({ version: z.string().min(1) });

export const provisionBodySchema = z.object({
  service_id: id,
  plan_id: id,
  context: jsonObject.optional(),
  // REQUIRED by the spec whatever the platform: Kubernetes platforms send placeholders (cluster id, namespace).
  organization_guid: id,
  space_guid: id,
  parameters: jsonObject.optional(),
  maintenance_info: maintenanceInfo.optional(),
});
export type ProvisionBody = z.infer<typeof provisionBodySchema>;

export const updateBodySchema = z.object({
  service_id: id,
  plan_id: id.optional(),
  context: jsonObject.optional(),
  parameters: jsonObject.optional(),
  maintenance_info: maintenanceInfo.optional(),
  previous_values: jsonObject.optional(),
});
export type UpdateBody = z.infer<typeof updateBodySchema>;

export const bindBodySchema = z.object({
  service_id: id,
  plan_id: id,
  context: jsonObject.optional(),
  app_guid: z.string().optional(),
  bind_resource: z
    .object({ app_guid: z.string().optional(), route: z.string().optional() })
    .loose()
    .optional(),
  parameters: jsonObject.optional(),
});
export type BindBody = z.infer<typeof bindBodySchema>;

export const deleteQuerySchema = z.object({ service_id: id, plan_id: id });
export type DeleteQuery = z.infer<typeof deleteQuerySchema>;

/** Parses a request body or query, or throws 400 saying what is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw badRequest(`The ${what} is invalid: ${fromError(parsed.error, { prefix: null }).message}.`);
}
