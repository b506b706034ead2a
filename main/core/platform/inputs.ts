import { z } from 'zod';

/** Bodies of the platform API (`/api/*` of a platform server). */
const jsonObject = z.record(z.string(), z.unknown());
const name = z.string().trim().min(1).max(255);

export const provisionInputSchema = z
  .object({
    name,
    /** Name or id. */
    service: z.string().min(1),
    /** Name or id. */
    plan: z.string().min(1),
    parameters: jsonObject.optional(),
    /** Fields over the platform's default context (e.g. another space or namespace). */
    context: jsonObject.optional(),
  })
  .strict();

export const updateInputSchema = z
  .object({
    plan: z.string().min(1).optional(),
    parameters: jsonObject.optional(),
    /** A rename: a context update. */
    name: name.optional(),
    context: jsonObject.optional(),
  })
  .strict();

export const bindInputSchema = z
  .object({
    name,
    service_instance_id: z.string().min(1),
    parameters: jsonObject.optional(),
    context: jsonObject.optional(),
    /** Cloud Foundry: the app bound (default: a new app GUID per binding). */
    app_guid: z.string().min(1).optional(),
  })
  .strict();
