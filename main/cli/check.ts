import { writeFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import type { CheckProgress, CheckReport, CheckStatus } from '../workflows/conformance';
import { brokerOptions } from './options';

interface CheckCliOptions {
  brokerUrl: string;
  brokerUser: string;
  brokerPassword: string;
  apiVersion: '2.17';
  plans?: string[];
  skipDestructive?: boolean;
  junit?: string;
  json?: string;
  timeoutMs: number;
  pollLimitMs: number;
}

/** Exit codes: 0 every check passed, warned or was skipped; 1 a check failed; 2 a usage error. */
const USAGE_ERROR = 2;

function parsePlans(value: string): string[] {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length === 0) throw new InvalidArgumentError('give plan ids separated by commas.');
  return ids;
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

async function summaryTable(report: CheckReport): Promise<string> {
  const [{ default: Table }, { groupByArea }] = await Promise.all([
    import('cli-table3'),
    import('../workflows/conformance'),
  ]);
  const width = Math.max(100, process.stdout.columns ?? 120);
  const table = new Table({
    head: ['', 'check', 'reason'],
    colWidths: [8, 38, width - 52],
    wordWrap: true,
    style: pc.isColorSupported ? { compact: true } : { compact: true, head: [], border: [] },
  });
  for (const group of groupByArea(report.checks)) {
    table.push([{ colSpan: 3, content: pc.bold(group.title) }]);
    for (const result of group.checks) table.push([MARKS[result.status], result.id, result.reason]);
  }
  return table.toString();
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
  const { check, toJsonReport, toJUnitXml } = await import('../workflows/conformance');
  const progress = progressLine(process.stderr);
  const report = await check({
    brokerUrl: options.brokerUrl,
    username: options.brokerUser,
    password: options.brokerPassword,
    apiVersion: options.apiVersion,
    ...(options.plans ? { plans: options.plans } : {}),
    skipDestructive: options.skipDestructive === true,
    timeoutMs: options.timeoutMs,
    pollLimitMs: options.pollLimitMs,
    onProgress: progress.update,
  });
  progress.clear();
  if (options.json) await writeFile(options.json, toJsonReport(report));
  if (options.junit) await writeFile(options.junit, await toJUnitXml(report));
  console.log(await summaryTable(report));
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
          'Exit code 0: no check failed, 1: a check failed, 2: usage error',
      ),
  )
    .addOption(new Option('--api-version <version>', 'OSB API version').choices(['2.17']).default('2.17'))
    .option(
      '--plans <ids>',
      'use only these plan ids, comma-separated (default: chosen from the catalog)',
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
