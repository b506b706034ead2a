import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import type { ScenarioResult, StepState } from '../workflows/scenarios';
import type { Shard } from '../workflows/select';
import { parseShardOption } from './options';

const USAGE_ERROR = 2;
const EXIT_CODES = `
Exit codes:
  0  every step of every scenario passed
  1  a step failed (named with the expected and the actual value)
  2  a usage or file error, a \${env.NAME} not set, or the simulator (--against) unreachable or refusing the token (401)`;

const MARKS: Record<StepState['state'], string> = {
  pending: ' ',
  running: pc.cyan('…'),
  passed: pc.green('✓'),
  failed: pc.red('✗'),
  skipped: pc.dim('-'),
};

/** The live step log: one line when a step starts and one when it ends. */
export function logStep(step: StepState): void {
  const took = step.durationMs === undefined ? '' : pc.dim(` (${step.durationMs} ms)`);
  const status = step.status === undefined ? '' : ` → ${step.status}`;
  console.log(`${MARKS[step.state]} ${step.title}${status}${took}`);
  if (step.message) console.log((step.state === 'failed' ? pc.red : pc.dim)(`  ${step.message}`));
}

/**
 * Runs a scenario against `against`, or against a simulator of its own on free ports (stopped after);
 * `${env.NAME}` reads this process's environment.
 */
export async function runScenarioFile(file: string, against: string | undefined): Promise<ScenarioResult> {
  const { runScenario } = await import('../workflows/scenarios');
  const options = { onStep: logStep, env: process.env };
  if (against) return runScenario(file, { ...options, controlUrl: against });
  const dataDir = await mkdtemp(join(tmpdir(), 'smsim-run-'));
  const { startSimulator } = await import('../simulator');
  const simulator = await startSimulator({ portBase: 0, dataDir, logLevel: 'silent' });
  try {
    return await runScenario(file, { ...options, controlUrl: simulator.endpoints.control.url });
  } finally {
    await simulator.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface RunCliOptions {
  against?: string;
  junit?: string;
  shard?: Shard;
}

/** Runs one scenario file and prints its verdict; 0 passed, 1 a step failed, 2 it could not run. */
async function runOne(file: string, against: string | undefined, results: ScenarioResult[]): Promise<number> {
  let result: ScenarioResult;
  try {
    result = await runScenarioFile(file, against);
  } catch (error) {
    console.error(`smsim run: ${(error as Error).message}`);
    return USAGE_ERROR;
  }
  console.log(
    result.passed ? pc.green(`scenario "${result.name}" passed`) : pc.red(`scenario "${result.name}" failed`),
  );
  results.push(result);
  return result.passed ? 0 : 1;
}

async function runCommand(given: string[], options: RunCliOptions): Promise<void> {
  const { NothingSelectedError, shardOf } = await import('../workflows/select');
  const { selectScenarios } = await import('../workflows/scenarios');
  let all: string[];
  try {
    all = await selectScenarios(given);
  } catch (error) {
    if (!(error instanceof NothingSelectedError)) throw error;
    console.error(`smsim run: ${error.message}`);
    process.exit(USAGE_ERROR);
  }
  const files = options.shard ? shardOf(all, options.shard) : all;
  if (options.shard)
    console.log(
      `shard ${options.shard.index}/${options.shard.total}: ${files.length} of ${all.length} scenarios`,
    );
  const results: ScenarioResult[] = [];
  let worst = 0;
  for (const file of files) {
    if (files.length > 1) console.log(pc.bold(file));
    worst = Math.max(worst, await runOne(file, options.against, results));
  }
  if (files.length !== 1) {
    const passed = results.filter((result) => result.passed).length;
    console.log(`${files.length} scenarios: ${passed} passed, ${files.length - passed} failed or not run`);
  }
  if (options.junit) {
    const { scenarioJUnitXml } = await import('../workflows/scenarios');
    await writeFile(options.junit, await scenarioJUnitXml(results));
    console.log(`JUnit report: ${options.junit}`);
  }
  process.exit(worst);
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description(
      'run scenarios (JSON or YAML) step by step; after a failed step only the steps marked "always" run',
    )
    .argument(
      '<scenarios...>',
      `scenario files (\${env.NAME} in them reads the environment variable NAME), folders (every .json, .yaml and .yml below) or globs ("scenarios/**/*.yaml"), run one after another in sorted order`,
    )
    .option('--against <url>', 'the control URL of a running simulator (default: start one on free ports)')
    .option(
      '--shard <i/n>',
      'run only the i-th of n parts of the scenarios (sorted by path), as a CI matrix splits them',
      parseShardOption,
    )
    .option(
      '--junit <file>',
      'write a JUnit XML report (a suite per scenario, a test case per step with its time)',
    )
    .addHelpText('after', EXIT_CODES)
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : USAGE_ERROR))
    .action(runCommand);
}
