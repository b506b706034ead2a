import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { fromError } from 'zod-validation-error';
import { limitsSchema } from './core/limits';
import { platformsConfigSchema } from './core/platform/config';
import { pluginSpecsSchema } from './core/sm/plugins';
import { DEFAULT_BUFFER_SIZE, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BUFFER_BYTES } from './traffic/store-types';

/** The config file (`--config FILE`, JSON). Every key is optional; unknown keys are refused so typos show. */
export const configSchema = z
  .object({
    sampleBroker: z
      .object({
        enabled: z.boolean().default(true),
        asyncDelayMs: z.number().int().min(0).max(600_000).default(1500),
        retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
      })
      .strict()
      .prefault({}),
    catalog: z
      .object({
        refreshIntervalMinutes: z.number().min(0).default(15),
        /** Wide enough that a tenth of a few hundred brokers hanging still ends a refresh in about one timeout. */
        concurrency: z.number().int().min(1).max(64).default(32),
        timeoutMs: z.number().int().min(100).max(600_000).default(10_000),
      })
      .strict()
      .prefault({}),
    serviceManager: z
      .object({
        brokerTimeoutMs: z.number().int().min(100).max(600_000).default(30_000),
        /**
         * How long an instance or binding operation may stay in progress before the SM fails it (also the
         * ones left in progress by a crash). Unset: the plan's `maximum_polling_duration`, else one hour.
         */
        operationTimeoutSeconds: z.number().int().min(1).max(604_800).optional(),
      })
      .strict()
      .prefault({}),
    traffic: z
      .object({
        /** Exchanges kept in memory; the oldest go first. */
        bufferSize: z.number().int().min(10).max(1_000_000).default(DEFAULT_BUFFER_SIZE),
        /** Per body; larger ones are kept as a truncation marker. */
        maxBodyBytes: z
          .number()
          .int()
          .min(1024)
          .max(16 * 1024 * 1024)
          .default(DEFAULT_MAX_BODY_BYTES),
        /** Rough memory budget of the buffer; past it the oldest exchanges go even below `bufferSize`. */
        maxBufferBytes: z
          .number()
          .int()
          .min(1024 * 1024)
          .default(DEFAULT_MAX_BUFFER_BYTES),
        /** JSON keys (and header names) redacted besides Authorization, credentials, password/secret/token. */
        redact: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .prefault({}),
    platforms: platformsConfigSchema,
    /** Central policies on the OSB route: built-in `quota` / `visibility-audit`, or `{module: path}`. */
    plugins: pluginSpecsSchema.default([]),
    sharing: z
      .object({
        /** The original of a shared instance deprovisioned while references exist: leaves the SM, or 400. */
        onDeleteWithReferences: z.enum(['detach', 'reject']).default('detach'),
      })
      .strict()
      .prefault({}),
    limits: limitsSchema,
    fixtures: z
      .object({
        /** Control API checks and replays may call any URL, not only loopback and registered brokers. */
        allowRemoteTargets: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    logLevel: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('info'),
    /** Where the state is kept: a PostgreSQL database instead of the JSON file in the data folder. */
    store: z
      .strictObject({
        url: z
          .string()
          .regex(
            /^postgres(ql)?:\/\//i,
            'must be a PostgreSQL URL: postgres://user:password@host:port/database',
          ),
      })
      .optional(),
    /**
     * Brokers registered (or, when registered already, pointed at this URL and credentials) at every start.
     * Missing credentials come from `--broker-username` / `--broker-password` (SMSIM_BROKER_PASSWORD).
     */
    brokers: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1),
          url: z.string().url(),
          username: z.string().min(1).optional(),
          password: z.string().min(1).optional(),
          /** false: register without publishing its plans to every platform. */
          public: z.boolean().default(true),
        }),
      )
      .default([]),
  })
  .strict();

export type SimConfig = z.infer<typeof configSchema>;
export type SimConfigInput = z.input<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(input: unknown, source = 'the config'): SimConfig {
  const parsed = configSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new ConfigError(
      `${source} is invalid: ${fromError(parsed.error).message}. See "Config file" in the README.`,
    );
  }
  return parsed.data;
}

export async function loadConfigFile(path: string): Promise<SimConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read the config file ${path}: ${(error as Error).message}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`The config file ${path} is not valid JSON: ${(error as Error).message}.`);
  }
  const config = parseConfig(json, `The config file ${path}`);
  // Plugin modules are named relative to the config file, wherever smsim was started.
  for (const spec of config.plugins) if ('module' in spec) spec.module = resolve(dirname(path), spec.module);
  return config;
}
