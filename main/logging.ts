import pino from 'pino';

export type Logger = pino.Logger;
export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

/** Paths that may carry secrets in anything we log; pino replaces their values before a line is written. */
const REDACT = [
  'password',
  '*.password',
  '*.*.password',
  'credentials',
  '*.credentials',
  '*.*.credentials',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
];

export function createLogger(level: LogLevel, name = 'smsim'): Logger {
  return pino({ name, level, redact: { paths: REDACT, censor: '[redacted]' } });
}
