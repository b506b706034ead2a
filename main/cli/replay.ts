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
}

/** Exit codes: 0 no difference, 1 a difference, 2 a usage or file error. */
const USAGE_ERROR = 2;

async function runReplay(file: string, options: ReplayCliOptions): Promise<void> {
  const { exchangeDiff, FixtureError, replay, replayJUnitXml, summaryLine } = await import(
    '../workflows/replay'
  );
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
      if (result.passed) console.log(`${pc.green('✓')} ${result.label}`);
      else console.log(pc.red(`✗ ${exchangeDiff(result)}`));
    }
    console.log(summaryLine(report));
    if (options.junit) {
      await writeFile(options.junit, await replayJUnitXml(report));
      console.log(`JUnit report: ${options.junit}`);
    }
    process.exit(report.summary.failed > 0 ? 1 : 0);
  } catch (error) {
    progress.clear();
    if (!(error instanceof FixtureError)) throw error;
    console.error(`smsim replay: ${error.message}`);
    process.exit(USAGE_ERROR);
  }
}

export function registerReplay(program: Command): void {
  brokerOptions(
    program
      .command('replay')
      .description(
        'replay a recording (HAR) against a broker and compare every answer with the recorded one. ' +
          'Exit code 0: no difference, 1: differences, 2: usage or file error',
      )
      .argument('<file>', 'the recording (.har); its rules are read from <name>.rules.json beside it'),
  )
    .option('--junit <file>', 'write a JUnit XML report (one test case per exchange)')
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : USAGE_ERROR))
    .action(runReplay);
}
