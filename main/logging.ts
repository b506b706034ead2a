import pino from 'pino';
import { SECRETS, type SecretPolicy } from './core/secrets';

export type Logger = pino.Logger;
export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

export interface LoggerOptions {
  name?: string;
  /** The simulator's secret policy (core/secrets.ts): every line's fields, messages and errors pass it. */
  secrets?: SecretPolicy;
  /** Where lines go; default stdout. */
  destination?: pino.DestinationStream;
}

export function createLogger(level: LogLevel, options: LoggerOptions = {}): Logger {
  const { name = 'smsim', secrets = SECRETS, destination } = options;
  // A serialized error is a plain copy (its class prototype dropped), so the policy reaches message and stack.
  const err = (error: Error) => secrets.value(JSON.parse(JSON.stringify(pino.stdSerializers.err(error))));
  return pino(
    {
      name,
      level,
      serializers: { err },
      formatters: { log: (fields) => secrets.value(fields) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? secrets.text(arg) : arg)) as never);
        },
      },
    },
    destination,
  );
}
