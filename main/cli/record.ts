import { type Command, InvalidArgumentError } from 'commander';
import type { Har } from 'har-format';
import type { ControlCall } from '../workflows/scenarios/control-client';
import { runScenarioFile } from './run';

interface RecordCliOptions {
  against: string;
  broker: string;
  out: string;
  scenario?: string;
  allHops?: boolean;
  duration?: number;
}

const EXIT_CODES = `
Exit codes:
  0  recorded (the scenario passed, or stopped by Ctrl-C, SIGTERM or --duration)
  1  the scenario failed (the recording is written all the same)
  2  usage error, no broker of that name, or the simulator unreachable`;

/** A usage or simulator error: exit code 2, its message printed after `smsim record:`. */
class RecordError extends Error {}

/** How often the command asks the simulator whether it still records. */
const WATCH_MS = 1_000;

function parseDuration(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new InvalidArgumentError('give a number of seconds above 0, e.g. 30 or 1.5.');
  return seconds;
}

const descriptionOf = (body: unknown) => (body as { description?: string } | undefined)?.description;

/**
 * Resolves on SIGINT, SIGTERM or after `durationSeconds`, naming which; rejects when the simulator stops
 * answering or drops the recording; `finished` aborted ends the wait (listeners and timers removed). The
 * watch keeps the event loop alive, so Node does not end the process under the wait.
 */
function untilStopped(
  call: ControlCall,
  id: string,
  durationSeconds: number | undefined,
  finished: AbortSignal,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let deadline: NodeJS.Timeout | undefined;
    const end = (error: Error | undefined, reason = '') => {
      clearTimeout(timer);
      clearTimeout(deadline);
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      finished.removeEventListener('abort', onFinished);
      if (error) reject(error);
      else resolve(reason);
    };
    const onInt = () => end(undefined, 'SIGINT');
    const onTerm = () => end(undefined, 'SIGTERM');
    const onFinished = () => end(undefined, 'done');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    finished.addEventListener('abort', onFinished, { once: true });
    if (durationSeconds !== undefined)
      deadline = setTimeout(() => end(undefined, `${durationSeconds} s passed`), durationSeconds * 1000);
    const watch = async () => {
      try {
        const { status, body } = await call('GET', `/recordings/${id}`);
        const state = (body as { status?: string } | undefined)?.status;
        if (status !== 200 || state !== 'recording')
          return end(
            new RecordError(`the simulator ended the recording (${descriptionOf(body) ?? status}).`),
          );
      } catch (error) {
        return end(new RecordError(`the simulator stopped answering: ${(error as Error).message}.`));
      }
      if (!finished.aborted) timer = setTimeout(watch, WATCH_MS);
    };
    timer = setTimeout(watch, WATCH_MS);
  });
}

/** The scenario's outcome, or the reason the recording stopped (before the scenario ended: not a failure). */
async function recordWhile(
  options: RecordCliOptions,
  call: ControlCall,
  id: string,
): Promise<{ passed: boolean; stopped?: string }> {
  const finished = new AbortController();
  const stopped = untilStopped(call, id, options.duration, finished.signal);
  if (!options.scenario) return { passed: true, stopped: await stopped };
  try {
    return await Promise.race([
      runScenarioFile(options.scenario, options.against).then(({ passed }) => ({ passed })),
      stopped.then((reason) => ({ passed: true, stopped: reason })),
    ]);
  } finally {
    finished.abort();
  }
}

/** Ends the server-side recording and writes what it holds; `undefined` when the simulator cannot be reached. */
async function stopAndWrite(call: ControlCall, id: string, out: string): Promise<number | undefined> {
  const { writeRecording } = await import('../workflows/recordings/har-file');
  try {
    await call('POST', `/recordings/${id}/stop`);
    const { status, body } = await call('GET', `/recordings/${id}/har`);
    if (status !== 200) return undefined;
    const har = body as Har;
    await writeRecording(out, har);
    return har.log.entries.length;
  } catch {
    return undefined;
  }
}

/**
 * Records until the scenario ended, a signal or the duration; whatever ended it, the recording is stopped on
 * the simulator and written. Exit 0 recorded, 1 the scenario failed, 2 usage error or simulator trouble.
 */
async function record(options: RecordCliOptions): Promise<void> {
  const { controlClient } = await import('../workflows/scenarios/control-client');
  const call = controlClient(options.against);
  let id: string;
  try {
    const started = await call('POST', '/recordings', {
      broker: options.broker,
      allHops: options.allHops === true,
    });
    if (started.status !== 201)
      throw new RecordError(descriptionOf(started.body) ?? `the control API answered ${started.status}`);
    id = (started.body as { id: string }).id;
  } catch (error) {
    const reason = error instanceof RecordError ? error.message : `${options.against} is unreachable`;
    console.error(`smsim record: ${reason}`);
    process.exit(2);
  }
  if (!options.scenario) {
    const limit = options.duration === undefined ? '' : ` for ${options.duration} s`;
    console.log(`recording the traffic to broker ${options.broker}${limit}; press Ctrl-C to stop`);
  }
  let passed = false;
  let failure: string | undefined;
  try {
    const outcome = await recordWhile(options, call, id);
    passed = outcome.passed;
    if (outcome.stopped) console.log(`recording stopped (${outcome.stopped})`);
  } catch (error) {
    failure = (error as Error).message;
  }
  const written = await stopAndWrite(call, id, options.out);
  if (written === undefined) failure ??= `could not fetch the recording from ${options.against}`;
  else console.log(`${written} exchanges written to ${options.out} (rules beside it)`);
  if (failure !== undefined) {
    console.error(`smsim record: ${failure}`);
    process.exit(2);
  }
  process.exit(passed ? 0 : 1);
}

export function registerRecord(program: Command): void {
  program
    .command('record')
    .summary("record the Service Manager's traffic to a broker into a HAR file")
    .description(
      "record the Service Manager's traffic to one broker of a running simulator into a HAR file, while a " +
        'scenario runs, or until Ctrl-C / SIGTERM / --duration; whatever ends it, the file is written and the ' +
        'recording stopped on the simulator',
    )
    .addHelpText('after', EXIT_CODES)
    .requiredOption('--against <url>', 'the control URL of the running simulator')
    .requiredOption('--broker <name>', 'the broker, by its name in the Service Manager')
    .requiredOption('--out <file>', 'the HAR file to write (and <name>.rules.json beside it)')
    .option('--scenario <file>', 'run this scenario while recording, then stop')
    .option('--duration <seconds>', 'stop after this many seconds', parseDuration)
    .option('--all-hops', 'every hop of the flows that reach the broker, not only sm→broker')
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(record);
}
