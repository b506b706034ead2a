import { z } from 'zod';
import { DEFAULT_LIMITS, type Limits } from '../limits';
import { hasUserInfo } from '../secrets';
import { createLabelsSchema } from './listing/labels-input';

export type InputLimits = Pick<Limits, 'maxIdLength' | 'maxNameLength'>;

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
const description = z.string().max(10_000);
const type = z.string().trim().min(1).max(100);

/** The bodies of the SM's registries, names and ids within `limits` (config key `limits`). */
export function smInputs({ maxIdLength, maxNameLength }: InputLimits = DEFAULT_LIMITS) {
  const name = z
    .string()
    .trim()
    .min(1)
    .max(maxNameLength, `names are at most ${maxNameLength} characters (limits.maxNameLength)`);
  const id = z
    .string()
    .min(1)
    .max(maxIdLength, `ids are at most ${maxIdLength} characters (limits.maxIdLength)`);
  const labels = createLabelsSchema(maxNameLength);
  return {
    brokerCreate: z
      .object({
        id: id.optional(),
        name,
        description: description.optional(),
        broker_url: brokerUrl,
        credentials: z.object({ basic }).strict(),
        labels: labels.optional(),
      })
      .strict(),
    brokerPatch: z
      .object({
        name: name.optional(),
        description: description.optional(),
        broker_url: brokerUrl.optional(),
        credentials: z.object({ basic }).strict().optional(),
        labels: labelChanges.optional(),
      })
      .strict(),
    platformCreate: z
      .object({
        id: id.optional(),
        name,
        type,
        description: description.optional(),
        labels: labels.optional(),
      })
      .strict(),
    platformPatch: z
      .object({
        name: name.optional(),
        type: type.optional(),
        description: description.optional(),
        labels: labelChanges.optional(),
      })
      .strict(),
    visibilityCreate: z
      .object({
        service_plan_id: id,
        platform_id: id.nullable().optional(),
        labels: labels.optional(),
      })
      .strict(),
    visibilityPatch: z
      .object({
        platform_id: id.nullable().optional(),
        labels: labelChanges.optional(),
      })
      .strict(),
  };
}

export const labelsPatchSchema = z.object({ labels: labelChanges }).strict();
