import pc from 'picocolors';

const LEVELS: Record<number, (text: string) => string> = {
  10: (text) => pc.dim(text),
  20: (text) => pc.dim(text),
  30: (text) => pc.cyan(text),
  40: (text) => pc.yellow(text),
  50: (text) => pc.red(text),
  60: (text) => pc.red(text),
};
const NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** One pino JSON line as `12:00:01 INFO message key=value`; the error of a line by its message. */
export function readableLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  const { level, time, msg, err, pid: _pid, hostname: _hostname, name: _name, ...fields } = entry;
  const at = new Date(typeof time === 'number' ? time : Date.now()).toTimeString().slice(0, 8);
  const paint = LEVELS[level as number] ?? ((text: string) => text);
  const pairs = Object.entries(fields).map(([key, value]) => `${key}=${shown(value)}`);
  const error = (err as { message?: string } | undefined)?.message;
  return [pc.dim(at), paint(NAMES[level as number] ?? String(level)), msg, ...pairs, error && pc.red(error)]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
}

/**
 * Where `smsim serve` logs: stderr, so the start-up output on stdout stays apart; at a terminal one readable
 * line per entry, else the JSON lines as pino writes them.
 */
export function serveLogDestination(stream: NodeJS.WriteStream = process.stderr): {
  write(line: string): void;
} {
  if (!stream.isTTY) return stream;
  return { write: (line) => void stream.write(`${readableLogLine(line.trimEnd())}\n`) };
}
