import { z } from 'zod';
import { DEFAULT_LIMITS } from '../limits';
import { hasUserInfo } from '../secrets';
import { createLabelsSchema } from './listing/labels-input';

const { maxIdLength, maxNameLength } = DEFAULT_LIMITS;
const name = z
  .string()
  .trim()
  .min(1)
  .max(maxNameLength, `names are at most ${maxNameLength} characters (limits.maxNameLength)`);
const id = z
  .string()
  .min(1)
  .max(maxIdLength, `ids are at most ${maxIdLength} characters (limits.maxIdLength)`);
const basic = z.object({ username: z.string().min(1), password: z.string().min(1) }).strict();
/** User info in the URL would show wherever the URL is printed (errors, logs, traffic). */
const brokerUrl = z
  .string()
  .url()
  .refine((url) => !hasUserInfo(url), {
    message: 'broker_url must not hold a user name or password (user:pass@); give them as credentials.basic',
  });
/** Labels PATCH operations are validated by the labels module; here only their outer shape. */
const labelChanges = z.array(z.unknown());

export const brokerCreateSchema = z
  .object({
    id: id.optional(),
    name,
    description: z.string().max(10_000).optional(),
    broker_url: brokerUrl,
    credentials: z.object({ basic }).strict(),
    labels: createLabelsSchema.optional(),
  })
  .strict();

export const brokerPatchSchema = z
  .object({
    name: name.optional(),
    description: z.string().max(10_000).optional(),
    broker_url: brokerUrl.optional(),
    credentials: z.object({ basic }).strict().optional(),
    labels: labelChanges.optional(),
  })
  .strict();

export const platformCreateSchema = z
  .object({
    id: id.optional(),
    name,
    type: z.string().trim().min(1).max(100),
    description: z.string().max(10_000).optional(),
    labels: createLabelsSchema.optional(),
  })
  .strict();

export const platformPatchSchema = z
  .object({
    name: name.optional(),
    type: z.string().trim().min(1).max(100).optional(),
    description: z.string().max(10_000).optional(),
    labels: labelChanges.optional(),
  })
  .strict();

export const visibilityCreateSchema = z
  .object({
    service_plan_id: id,
    platform_id: id.nullable().optional(),
    labels: createLabelsSchema.optional(),
  })
  .strict();

export const visibilityPatchSchema = z
  .object({
    platform_id: id.nullable().optional(),
    labels: labelChanges.optional(),
  })
  .strict();

export const labelsPatchSchema = z.object({ labels: labelChanges }).strict();
