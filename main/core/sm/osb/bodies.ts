import { z } from 'zod';

const jsonObject = z.record(z.string(), z.unknown());
const id = z.string().min(1);

/** What the SM reads of OSB request bodies; unknown fields go to the broker untouched. */
export const provisionBodySchema = z.looseObject({
  service_id: id,
  plan_id: id,
  context: jsonObject.optional(),
  parameters: jsonObject.optional(),
  maintenance_info: jsonObject.optional(),
});

export const updateBodySchema = z.looseObject({
  service_id: id.optional(),
  plan_id: id.optional(),
  context: jsonObject.optional(),
  parameters: jsonObject.optional(),
  maintenance_info: jsonObject.optional(),
});

export const bindBodySchema = z.looseObject({
  service_id: id.optional(),
  plan_id: id.optional(),
  context: jsonObject.optional(),
  parameters: jsonObject.optional(),
  bind_resource: jsonObject.optional(),
});

/** The fields of a binding answer the SM stores (credentials are never shown without `show_credentials`). */
export const bindingAnswerSchema = z.object({
  credentials: jsonObject.optional().catch(undefined),
  syslog_drain_url: z.string().optional().catch(undefined),
  route_service_url: z.string().optional().catch(undefined),
  volume_mounts: z.array(z.unknown()).optional().catch(undefined),
});

export const stringField = (body: unknown, key: string): string | undefined => {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
};
