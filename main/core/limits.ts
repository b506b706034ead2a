import { z } from 'zod';

/**
 * What smsim accepts, in one place: from clients (every server's requests) and from brokers (their answers).
 * Config key `limits`; each refusal names the key that raises it.
 */
export const limitsSchema = z
  .object({
    /** Bytes of one JSON request body (HAR import has its own limit). */
    maxBodyBytes: z
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(1024 * 1024),
    /** Nesting depth of a JSON body, a client's or a broker's. */
    maxJsonDepth: z.number().int().min(8).max(1000).default(64),
    /** Characters of an id (instance, binding, broker, platform, operation) in a path or a body. */
    maxIdLength: z.number().int().min(36).max(4096).default(256),
    /** Characters of a name (broker, platform, label key or value). */
    maxNameLength: z.number().int().min(16).max(4096).default(256),
    /** Bytes of one broker answer after decompression. */
    maxBrokerAnswerBytes: z
      .number()
      .int()
      .min(64 * 1024)
      .max(256 * 1024 * 1024)
      .default(16 * 1024 * 1024),
  })
  .strict()
  .prefault({});

export type Limits = z.infer<typeof limitsSchema>;

export const DEFAULT_LIMITS: Limits = limitsSchema.parse({});
