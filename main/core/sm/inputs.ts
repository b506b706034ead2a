import { z } from 'zod';
import { hasUserInfo } from '../secrets';
import { labelsSchema } from './model';

const name = z.string().trim().min(1).max(255);
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
    id: z.string().min(1).max(100).optional(),
    name,
    description: z.string().max(10_000).optional(),
    broker_url: brokerUrl,
    credentials: z.object({ basic }).strict(),
    labels: labelsSchema.optional(),
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
    id: z.string().min(1).max(100).optional(),
    name,
    type: z.string().trim().min(1).max(100),
    description: z.string().max(10_000).optional(),
    labels: labelsSchema.optional(),
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
    service_plan_id: z.string().min(1),
    platform_id: z.string().min(1).nullable().optional(),
    labels: labelsSchema.optional(),
  })
  .strict();

export const visibilityPatchSchema = z
  .object({
    platform_id: z.string().min(1).nullable().optional(),
    labels: labelChanges.optional(),
  })
  .strict();

export const labelsPatchSchema = z.object({ labels: labelChanges }).strict();
