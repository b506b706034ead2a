import { writeFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import type { CheckProgress, CheckReport, CheckStatus } from '../workflows/conformance';
import { brokerOptions } from './options';

interface CheckCliOptions {
  brokerUrl: string;
  brokerUsername: string;
  brokerPassword: string;
  apiVersion: '2.17';
  plans?: string[];
  asyncPlans?: string[];
  skipDestructive?: boolean;
  junit?: string;
  json?: string;
  timeoutMs: number;
  pollLimitMs: number;
}

/** Exit codes: 0 every check passed, warned or was skipped; 1 a check failed; 2 a usage error, or the broker is unreachable or refuses the credentials (401). */
const USAGE_ERROR = 2;
const CANNOT_CHECK = 2;

function parsePlans(value: string): string[] {
  const keys = value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (keys.length === 0) throw new InvalidArgumentError('give plans separated by commas.');
  return keys;
}

function parseMilliseconds(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1) throw new InvalidArgumentError('give a whole number of milliseconds.');
  return ms;
}

const MARKS: Record<CheckStatus, string> = {
  pass: pc.green('✓ pass'),
  fail: pc.red('✗ fail'),
  warn: pc.yellow('! warn'),
  skip: pc.dim('- skip'),
};

/** A single updating line on a terminal; nothing when the output goes to a file or a CI log. */
function progressLine(stream: NodeJS.WriteStream) {
  if (!stream.isTTY) return { update: () => {}, clear: () => {} };
  const clear = () => stream.write('\r\x1b[2K');
  const update = ({ done, total, step, result }: CheckProgress) => {
    const counter = `[${done}/${total}]`;
    let text = ` ${step}…${result ? ` ${result.id}: ${result.status}` : ''}`;
    const room = (stream.columns ?? 100) - counter.length - 1;
    if (text.length > room) text = `${text.slice(0, room - 1)}…`;
    clear();
    stream.write(`${pc.cyan(counter)}${text}`);
  };
  return { update, clear };
}

/**
 * The results by area, one line per check with its reason in full (paths are never cut; a terminal wraps a
 * long line), and under it the spec section that states the rule.
 */
async function resultLines(report: CheckReport): Promise<string[]> {
  const { groupByArea } = await import('../workflows/conformance');
  const width = Math.max(...report.checks.map((result) => result.id.length));
  const indent = ' '.repeat(2 + 6 + 2);
  return groupByArea(report.checks).flatMap((group) => [
    pc.bold(group.title),
    ...group.checks.flatMap((result) => [
      `  ${MARKS[result.status]}  ${result.id.padEnd(width)}  ${result.reason}`,
      pc.dim(`${indent}${result.spec}`),
    ]),
  ]);
}

function summaryLines(report: CheckReport, options: CheckCliOptions): string[] {
  const { total, pass, fail, warn, skip } = report.summary;
  const counts = `${total} checks: ${pc.green(`${pass} passed`)}, ${pc.red(`${fail} failed`)}, ${pc.yellow(`${warn} warned`)}, ${skip} skipped`;
  const lines = [`${counts} (${(report.durationMs / 1000).toFixed(1)} s)`];
  for (const orphan of report.orphans) {
    const of = orphan.instanceId ? ` of instance ${orphan.instanceId}` : '';
    lines.push(
      pc.red(`left behind: ${orphan.kind} ${orphan.id}${of} (plan ${orphan.planId}): ${orphan.reason}`),
    );
  }
  if (options.json) lines.push(`JSON report: ${options.json}`);
  if (options.junit) lines.push(`JUnit report: ${options.junit}`);
  return lines;
}

async function runCheck(options: CheckCliOptions): Promise<void> {
  const { brokerUnusable, check, toJsonReport, toJUnitXml } = await import('../workflows/conformance');
  const broker = {
    brokerUrl: options.brokerUrl,
    username: options.brokerUsername,
    password: options.brokerPassword,
    apiVersion: options.apiVersion,
    timeoutMs: options.timeoutMs,
  };
  const unusable = await brokerUnusable(broker);
  if (unusable) {
    console.error(`smsim check: ${unusable}.`);
    process.exit(CANNOT_CHECK);
  }
  const progress = progressLine(process.stderr);
  const report = await check({
    ...broker,
    ...(options.plans ? { plans: options.plans } : {}),
    ...(options.asyncPlans ? { asyncPlans: options.asyncPlans } : {}),
    skipDestructive: options.skipDestructive === true,
    pollLimitMs: options.pollLimitMs,
    onProgress: progress.update,
  });
  progress.clear();
  if (options.json) await writeFile(options.json, toJsonReport(report));
  if (options.junit) await writeFile(options.junit, await toJUnitXml(report));
  console.log((await resultLines(report)).join('\n'));
  console.log(summaryLines(report, options).join('\n'));
  // Exit at once: a broker that never answered may hold a socket open.
  process.exit(report.summary.fail > 0 ? 1 : 0);
}

export function registerCheck(program: Command): void {
  brokerOptions(
    program
      .command('check')
      .description(
        'run the OSB 2.17 conformance checklist against a broker; everything it creates is deleted at the end. ' +
          'Exit codes: 0 no check failed (warnings and skips are fine), 1 a check failed, ' +
          '2 usage error, or the broker is unreachable or answers 401 to the credentials',
      ),
  )
    .addOption(new Option('--api-version <version>', 'OSB API version').choices(['2.17']).default('2.17'))
    .option(
      '--plans <ids>',
      'use only these plan ids, comma-separated (default: chosen from the catalog)',
      parsePlans,
    )
    .option(
      '--async-plans <plans>',
      'treat these plans (ids, names or offering/plan, comma-separated) as asynchronous: provisioned with ' +
        'accepts_incomplete=true and polled, whatever their answers without it',
      parsePlans,
    )
    .option('--skip-destructive', 'provision and bind nothing: only the catalog, auth and header checks')
    .option('--junit <file>', 'write a JUnit XML report (one suite per area, one case per check)')
    .option('--json <file>', 'write the full report as JSON, evidence included')
    .option('--timeout-ms <ms>', 'how long to wait for each answer', parseMilliseconds, 10_000)
    .option(
      '--poll-limit-ms <ms>',
      'how long to poll one async operation at most',
      parseMilliseconds,
      300_000,
    )
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : USAGE_ERROR))
    .action(runCheck);
}
