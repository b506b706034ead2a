import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import type { ScenarioResult, StepState } from '../workflows/scenarios';

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
  if (step.message) console.log(pc.red(`  ${step.message}`));
}

/** Runs a scenario against `against`, or against a simulator of its own on free ports (stopped after). */
export async function runScenarioFile(file: string, against: string | undefined): Promise<ScenarioResult> {
  const { runScenario } = await import('../workflows/scenarios');
  if (against) return runScenario(file, { controlUrl: against, onStep: logStep });
  const dataDir = await mkdtemp(join(tmpdir(), 'smsim-run-'));
  const { startSimulator } = await import('../simulator');
  const simulator = await startSimulator({ portBase: 0, dataDir, logLevel: 'silent' });
  try {
    return await runScenario(file, { controlUrl: simulator.endpoints.control.url, onStep: logStep });
  } finally {
    await simulator.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description(
      'run a scenario (JSON or YAML) step by step. Exit code 0: every step passed, 1: a step failed, 2: usage or file error',
    )
    .argument('<file>', 'the scenario file')
    .option('--against <url>', 'the control URL of a running simulator (default: start one on free ports)')
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (file: string, options: { against?: string }) => {
      let result: ScenarioResult;
      try {
        result = await runScenarioFile(file, options.against);
      } catch (error) {
        console.error(`smsim run: ${(error as Error).message}`);
        process.exit(2);
      }
      console.log(
        result.passed
          ? pc.green(`scenario "${result.name}" passed`)
          : pc.red(`scenario "${result.name}" failed`),
      );
      process.exit(result.passed ? 0 : 1);
    });
}
