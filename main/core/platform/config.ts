import { z } from 'zod';
import { platformTypes } from './profiles';

const seconds = (max: number) => z.number().positive().max(max);

const cloudFoundryDefaults = z
  .object({
    organization_guid: z.string().min(1),
    organization_name: z.string().min(1),
    space_guid: z.string().min(1),
    space_name: z.string().min(1),
  })
  .partial()
  .strict();
const kubernetesDefaults = z
  .object({ namespace: z.string().min(1), clusterid: z.string().min(1) })
  .partial()
  .strict();

/** One simulated platform of the config file (`platforms: [...]`). */
export const platformConfigSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes, e.g. cf-dev'),
    type: z.enum(platformTypes),
    /** Default: the port base + 2 for the first platform, + 3 for the second, ... */
    port: z.number().int().min(1).max(65_535).optional(),
    /** How long an asynchronous operation is polled at most (a plan's maximum_polling_duration may cut it). */
    maxPollingSeconds: seconds(86_400).default(600),
    /** The longest wait between polls a broker's Retry-After may ask for. */
    pollIntervalCapSeconds: seconds(3600).default(30),
    /** The wait between polls when the broker sends no Retry-After. */
    pollIntervalSeconds: seconds(3600).default(1),
    /** How long the platform waits for an answer from its proxy (beyond the SM's broker timeout). */
    requestTimeoutSeconds: seconds(3600).default(60),
    /** Context fields of every call, overridable per request. Cloud Foundry: org and space; Kubernetes: namespace, clusterid. */
    defaults: z.union([cloudFoundryDefaults, kubernetesDefaults]).default({}),
  })
  .strict()
  .superRefine((platform, ctx) => {
    const allowed = platform.type === 'cloudfoundry' ? cloudFoundryDefaults : kubernetesDefaults;
    if (!allowed.safeParse(platform.defaults).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaults'],
        message: `do not fit a ${platform.type} platform (${Object.keys(allowed.shape).join(', ')})`,
      });
    }
  });
export type PlatformConfig = z.infer<typeof platformConfigSchema>;

export const platformsConfigSchema = z
  .array(platformConfigSchema)
  .refine((platforms) => new Set(platforms.map((platform) => platform.name)).size === platforms.length, {
    message: 'platform names must be unique',
  })
  .prefault([
    { name: 'cf-dev', type: 'cloudfoundry' },
    { name: 'k8s-dev', type: 'kubernetes' },
  ]);
