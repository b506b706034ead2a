import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import type { ScenarioResult, StepState } from '../workflows/scenarios';

const USAGE_ERROR = 2;
const EXIT_CODES = `
Exit codes:
  0  every step passed
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

async function runCommand(file: string, options: { against?: string; junit?: string }): Promise<void> {
  let result: ScenarioResult;
  try {
    result = await runScenarioFile(file, options.against);
  } catch (error) {
    console.error(`smsim run: ${(error as Error).message}`);
    process.exit(USAGE_ERROR);
  }
  console.log(
    result.passed ? pc.green(`scenario "${result.name}" passed`) : pc.red(`scenario "${result.name}" failed`),
  );
  if (options.junit) {
    const { scenarioJUnitXml } = await import('../workflows/scenarios');
    await writeFile(options.junit, await scenarioJUnitXml([result]));
    console.log(`JUnit report: ${options.junit}`);
  }
  process.exit(result.passed ? 0 : 1);
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description(
      'run a scenario (JSON or YAML) step by step; after a failed step only the steps marked "always" run',
    )
    .argument('<file>', `the scenario file; \${env.NAME} in it reads the environment variable NAME`)
    .option('--against <url>', 'the control URL of a running simulator (default: start one on free ports)')
    .option('--junit <file>', 'write a JUnit XML report (one test case per step, with its time)')
    .addHelpText('after', EXIT_CODES)
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : USAGE_ERROR))
    .action(runCommand);
}
