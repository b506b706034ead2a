import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import pc from 'picocolors';
import { brokerOptions } from './options';
import { progressBar } from './progress-bar';

interface ReplayCliOptions {
  brokerUrl: string;
  brokerUser: string;
  brokerPassword: string;
  junit?: string;
  json?: boolean;
}

const USAGE_ERROR = 2;
const EXIT_CODES = `
Exit codes:
  0  every answer is the recorded one
  1  a difference (a diff per exchange with its JSON paths)
  2  a usage or file error, or the broker is unreachable or refuses the credentials (401)`;

async function runReplay(file: string, options: ReplayCliOptions): Promise<void> {
  const { BrokerNotReachedError, exchangeDiff, FixtureError, replay, replayJUnitXml, summaryLine } =
    await import('../workflows/replay');
  // With --json, stdout holds the report alone; the readable lines go to stderr.
  const say = options.json ? console.error : console.log;
  const progress = progressBar(process.stderr);
  try {
    const report = await replay(file, {
      brokerUrl: options.brokerUrl,
      username: options.brokerUser,
      password: options.brokerPassword,
      onProgress: progress.update,
    });
    progress.clear();
    for (const result of report.results) {
      if (result.passed) say(`${pc.green('✓')} ${result.label}`);
      else say(pc.red(`✗ ${exchangeDiff(result)}`));
    }
    say(summaryLine(report));
    if (options.junit) {
      await writeFile(options.junit, await replayJUnitXml(report));
      say(`JUnit report: ${options.junit}`);
    }
    if (options.json) await printed(`${JSON.stringify(report, null, 2)}\n`);
    // Exit at once: a broker that never answered may hold a socket open.
    process.exit(report.summary.failed > 0 ? 1 : 0);
  } catch (error) {
    progress.clear();
    if (!(error instanceof FixtureError || error instanceof BrokerNotReachedError)) throw error;
    console.error(`smsim replay: ${error.message}`);
    process.exit(USAGE_ERROR);
  }
}

/** Resolves once stdout took the text: exiting before would cut a long report where stdout is a pipe. */
const printed = (text: string) =>
  new Promise<void>((resolve) => {
    process.stdout.write(text, () => resolve());
  });

export function registerReplay(program: Command): void {
  brokerOptions(
    program
      .command('replay')
      .description('replay a recording (HAR) against a broker and compare every answer with the recorded one')
      .argument('<file>', 'the recording (.har); its rules are read from <name>.rules.json beside it'),
  )
    .option(
      '--junit <file>',
      'write a JUnit XML report (one test case per exchange, with its time and the requests in system-out)',
    )
    .option('--json', 'print the report as JSON on stdout (the readable lines go to stderr)')
    .addHelpText('after', EXIT_CODES)
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : USAGE_ERROR))
    .action(runReplay);
}
