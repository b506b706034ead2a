import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import pc from 'picocolors';
import type { ReplayReport } from '../workflows/replay';
import type { Shard } from '../workflows/select';
import { brokerOptions, parseShardOption } from './options';
import { progressBar } from './progress-bar';

interface ReplayCliOptions {
  brokerUrl: string;
  brokerUsername: string;
  brokerPassword: string;
  junit?: string;
  json?: boolean;
  shard?: Shard;
}

const USAGE_ERROR = 2;
const EXIT_CODES = `
Exit codes:
  0  every answer is the recorded one
  1  a difference (a diff per exchange with its JSON paths)
  2  a usage or file error, or the broker is unreachable or refuses the credentials (401)`;

/** Resolves once stdout took the text: exiting before would cut a long report where stdout is a pipe. */
const printed = (text: string) =>
  new Promise<void>((resolve) => {
    process.stdout.write(text, () => resolve());
  });

async function runReplay(given: string[], options: ReplayCliOptions): Promise<void> {
  const replays = await import('../workflows/replay');
  const { exchangeDiff, replay, summaryLine } = replays;
  // With --json, stdout holds the report alone; the readable lines go to stderr.
  const say = options.json ? console.error : console.log;
  const progress = progressBar(process.stderr);
  const { NothingSelectedError, shardOf } = await import('../workflows/select');
  try {
    const all = await replays.selectRecordings(given);
    const files = options.shard ? shardOf(all, options.shard) : all;
    const shard = options.shard ? `${options.shard.index}/${options.shard.total}` : undefined;
    if (shard) say(`shard ${shard}: ${files.length} of ${all.length} recordings`);
    const reports: ReplayReport[] = [];
    for (const file of files) {
      if (files.length > 1) say(pc.bold(file));
      const report = await replay(file, {
        brokerUrl: options.brokerUrl,
        username: options.brokerUsername,
        password: options.brokerPassword,
        onProgress: progress.update,
      });
      progress.clear();
      for (const result of report.results) {
        if (result.passed) say(`${pc.green('✓')} ${result.label}`);
        else say(pc.red(`✗ ${exchangeDiff(result)}`));
      }
      say(summaryLine(report));
      reports.push(report);
    }
    const summary = replays.setSummary(reports);
    if (files.length !== 1)
      say(
        `${summary.recordings} recordings, ${summary.total} exchanges: ${summary.passed} same, ${summary.failed} different`,
      );
    if (options.junit) {
      await writeFile(options.junit, await replays.replayJUnitXml(reports));
      say(`JUnit report: ${options.junit}`);
    }
    if (options.json)
      await printed(`${JSON.stringify({ ...(shard ? { shard } : {}), summary, reports }, null, 2)}\n`);
    // Exit at once: a broker that never answered may hold a socket open.
    process.exit(summary.failed > 0 ? 1 : 0);
  } catch (error) {
    progress.clear();
    if (
      !(
        error instanceof replays.FixtureError ||
        error instanceof replays.BrokerNotReachedError ||
        error instanceof NothingSelectedError
      )
    )
      throw error;
    console.error(`smsim replay: ${error.message}`);
    process.exit(USAGE_ERROR);
  }
}

export function registerReplay(program: Command): void {
  brokerOptions(
    program
      .command('replay')
      .description('replay recordings (HAR) against a broker and compare every answer with the recorded one')
      .argument(
        '<recordings...>',
        'recordings (.har; the rules are read from <name>.rules.json beside each), folders (every .har below) or globs ("recordings/**/*.har")',
      ),
  )
    .option(
      '--shard <i/n>',
      'replay only the i-th of n parts of the recordings (sorted by path), as a CI matrix splits them',
      parseShardOption,
    )
    .option(
      '--junit <file>',
      'write a JUnit XML report (a suite per recording, a test case per exchange with its time and the requests in system-out)',
    )
    .option('--json', 'print the report as JSON on stdout (the readable lines go to stderr)')
    .addHelpText('after', EXIT_CODES)
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : USAGE_ERROR))
    .action(runReplay);
}
