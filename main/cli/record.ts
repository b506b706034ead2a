import { once } from 'node:events';
import type { Command } from 'commander';
import type { Har } from 'har-format';
import { runScenarioFile } from './run';

interface RecordCliOptions {
  against: string;
  broker: string;
  out: string;
  scenario?: string;
  allHops?: boolean;
}

async function record(options: RecordCliOptions): Promise<void> {
  const [{ writeRecording }, { controlClient }] = await Promise.all([
    import('../workflows/recordings/har-file'),
    import('../workflows/scenarios/control-client'),
  ]);
  const call = controlClient(options.against);
  const started = await call('POST', '/recordings', {
    broker: options.broker,
    allHops: options.allHops === true,
  });
  if (started.status !== 201) {
    const description = (started.body as { description?: string } | undefined)?.description;
    console.error(`smsim record: ${description ?? `the control API answered ${started.status}`}`);
    process.exit(2);
  }
  const { id } = started.body as { id: string };
  let passed = true;
  if (options.scenario) {
    passed = (await runScenarioFile(options.scenario, options.against)).passed;
  } else {
    console.log(`recording the traffic to broker ${options.broker}; press Ctrl-C to stop`);
    await once(process, 'SIGINT');
  }
  await call('POST', `/recordings/${id}/stop`);
  const har = (await call('GET', `/recordings/${id}/har`)).body as Har;
  await writeRecording(options.out, har);
  console.log(`${har.log.entries.length} exchanges written to ${options.out} (rules beside it)`);
  process.exit(passed ? 0 : 1);
}

export function registerRecord(program: Command): void {
  program
    .command('record')
    .description(
      "record the Service Manager's traffic to one broker of a running simulator into a HAR file, " +
        'while a scenario runs or until Ctrl-C. Exit code 0: recorded, 1: the scenario failed, 2: usage error',
    )
    .requiredOption('--against <url>', 'the control URL of the running simulator')
    .requiredOption('--broker <name>', 'the broker, by its name in the Service Manager')
    .requiredOption('--out <file>', 'the HAR file to write (and <name>.rules.json beside it)')
    .option('--scenario <file>', 'run this scenario while recording, then stop')
    .option('--all-hops', 'every hop of the flows that reach the broker, not only sm→broker')
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(record);
}
