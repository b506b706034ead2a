import { basename, extname } from 'node:path';
import { z } from 'zod';
import { fromError } from 'zod-validation-error';
import { hasUserInfo } from '../../core/secrets';
import { readDataFile } from '../data-file';
import { type Environment, resolveRefs } from '../scenarios/refs';
import { selectFiles } from '../select';

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'give an absolute http:// or https:// URL' })
  .refine((url) => !hasUserInfo(url), 'keep the credentials out of the URL: give username and password');

const brokerFileSchema = z.strictObject({
  name: z.string().min(1).optional(),
  url: httpUrl,
  username: z.string().min(1).optional(),
  password: z.string().optional(),
});

/** One broker a `smsim check --brokers` file describes, its credentials resolved. */
export interface BrokerEntry {
  /** The file's `name`, or the file's name without its extension. */
  name: string;
  file: string;
  url: string;
  username: string;
  password: string;
}

/** What a broker file leaves out: the username and password given on the command line or in the environment. */
export interface BrokerDefaults {
  username?: string;
  password?: string;
  env: Environment;
}

/** The broker files (JSON or YAML) named by files, folders and globs, sorted by path (see selectFiles). */
export const selectBrokerFiles = (given: readonly string[]) =>
  selectFiles(given, { extensions: ['.json', '.yaml', '.yml'], noun: 'broker file (.json, .yaml, .yml)' });

/**
 * Reads and validates one broker file; `${env.NAME}` in its strings reads the environment. Throws an Error
 * naming the file and the field; the password never appears in it.
 */
export async function loadBrokerFile(file: string, defaults: BrokerDefaults): Promise<BrokerEntry> {
  let input: unknown;
  try {
    input = await readDataFile(file);
  } catch (error) {
    throw new Error(`the broker file ${file} cannot be read: ${(error as Error).message}`);
  }
  const parsed = brokerFileSchema.safeParse(input);
  if (!parsed.success)
    throw new Error(
      `the broker file ${file} is invalid: ${fromError(parsed.error, { prefix: null }).message}`,
    );
  let broker: z.infer<typeof brokerFileSchema>;
  try {
    broker = resolveRefs(parsed.data, new Map(), defaults.env);
  } catch (error) {
    throw new Error(`the broker file ${file}: ${(error as Error).message}`);
  }
  const username = broker.username ?? defaults.username;
  const password = broker.password ?? defaults.password;
  if (username === undefined)
    throw new Error(
      `the broker file ${file} gives no username (nor --broker-username / SMSIM_BROKER_USERNAME)`,
    );
  if (password === undefined)
    throw new Error(
      `the broker file ${file} gives no password (nor --broker-password / SMSIM_BROKER_PASSWORD)`,
    );
  const name = broker.name ?? basename(file, extname(file));
  return { name, file, url: broker.url, username, password };
}
