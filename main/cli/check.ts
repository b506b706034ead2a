import { writeFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import type {
  BrokerEntry,
  BrokerOutcome,
  CheckProgress,
  CheckReport,
  CheckStatus,
} from '../workflows/conformance';
import type { Shard } from '../workflows/select';
import { brokerOptions, parseShardOption } from './options';

interface CheckCliOptions {
  brokerUrl?: string;
  brokerUsername?: string;
  brokerPassword?: string;
  brokers?: string[];
  shard?: Shard;
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

function summaryLines(report: CheckReport): string[] {
  const { total, pass, fail, warn, skip } = report.summary;
  const counts = `${total} checks: ${pc.green(`${pass} passed`)}, ${pc.red(`${fail} failed`)}, ${pc.yellow(`${warn} warned`)}, ${skip} skipped`;
  const lines = [`${counts} (${(report.durationMs / 1000).toFixed(1)} s)`];
  for (const orphan of report.orphans) {
    const of = orphan.instanceId ? ` of instance ${orphan.instanceId}` : '';
    lines.push(
      pc.red(`left behind: ${orphan.kind} ${orphan.id}${of} (plan ${orphan.planId}): ${orphan.reason}`),
    );
  }
  return lines;
}

function reportFileLines(options: CheckCliOptions): string[] {
  return [
    ...(options.json ? [`JSON report: ${options.json}`] : []),
    ...(options.junit ? [`JUnit report: ${options.junit}`] : []),
  ];
}

const exitCodeOf = (report: CheckReport) => (report.summary.fail > 0 ? 1 : 0);

type Target = Pick<BrokerEntry, 'url' | 'username' | 'password'>;

/** Checks one broker and prints its results: its report, or the sentence saying why it cannot be checked. */
async function checkBroker(
  target: Target,
  options: CheckCliOptions,
): Promise<{ report: CheckReport } | { error: string }> {
  const { brokerUnusable, check } = await import('../workflows/conformance');
  const broker = {
    brokerUrl: target.url,
    username: target.username,
    password: target.password,
    apiVersion: options.apiVersion,
    timeoutMs: options.timeoutMs,
  };
  const unusable = await brokerUnusable(broker);
  if (unusable) return { error: unusable };
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
  console.log((await resultLines(report)).join('\n'));
  console.log(summaryLines(report).join('\n'));
  return { report };
}

async function runCheck(options: CheckCliOptions): Promise<void> {
  if (options.brokers) return runBrokers(options.brokers, options);
  const { toJsonReport, toJUnitXml } = await import('../workflows/conformance');
  const outcome = await checkBroker(
    { url: options.brokerUrl!, username: options.brokerUsername!, password: options.brokerPassword! },
    options,
  );
  if ('error' in outcome) {
    console.error(`smsim check: ${outcome.error}.`);
    process.exit(CANNOT_CHECK);
  }
  if (options.json) await writeFile(options.json, toJsonReport(outcome.report));
  if (options.junit) await writeFile(options.junit, await toJUnitXml(outcome.report));
  const files = reportFileLines(options);
  if (files.length > 0) console.log(files.join('\n'));
  // Exit at once: a broker that never answered may hold a socket open.
  process.exit(exitCodeOf(outcome.report));
}

/** The brokers of this shard, every file read and validated before the first is checked. */
async function shardBrokers(given: string[], options: CheckCliOptions): Promise<BrokerEntry[]> {
  const { loadBrokerFile, selectBrokerFiles } = await import('../workflows/conformance');
  const { shardOf } = await import('../workflows/select');
  const all = await selectBrokerFiles(given);
  const files = options.shard ? shardOf(all, options.shard) : all;
  if (options.shard)
    console.log(
      `shard ${options.shard.index}/${options.shard.total}: ${files.length} of ${all.length} brokers`,
    );
  const defaults = { username: options.brokerUsername, password: options.brokerPassword, env: process.env };
  return Promise.all(files.map((file) => loadBrokerFile(file, defaults)));
}

/** `--brokers`: each broker of the shard in turn under its heading; the exit code is the worst of them. */
async function runBrokers(given: string[], options: CheckCliOptions): Promise<void> {
  const { toBrokersJUnitXml } = await import('../workflows/conformance');
  let brokers: BrokerEntry[];
  try {
    brokers = await shardBrokers(given, options);
  } catch (error) {
    console.error(`smsim check: ${(error as Error).message}.`);
    process.exit(USAGE_ERROR);
  }
  const outcomes: BrokerOutcome[] = [];
  let worst = 0;
  for (const broker of brokers) {
    console.log(pc.bold(`${broker.name} (${broker.url})`));
    const outcome = await checkBroker(broker, options);
    if ('error' in outcome) console.error(`smsim check: ${broker.name}: ${outcome.error}.`);
    outcomes.push(
      'error' in outcome
        ? { name: broker.name, broker: broker.url, error: outcome.error }
        : { name: broker.name, ...outcome },
    );
    worst = Math.max(worst, 'error' in outcome ? CANNOT_CHECK : exitCodeOf(outcome.report));
  }
  const json = outcomes.map((outcome) =>
    'report' in outcome ? { name: outcome.name, ...outcome.report } : outcome,
  );
  if (options.json) await writeFile(options.json, `${JSON.stringify(json, null, 2)}\n`);
  if (options.junit) await writeFile(options.junit, await toBrokersJUnitXml(outcomes));
  console.log([`${brokers.length} brokers checked`, ...reportFileLines(options)].join('\n'));
  process.exit(worst);
}

const BROKER_OPTIONS = ['brokerUrl', 'brokerUsername', 'brokerPassword'] as const;

export function registerCheck(program: Command): void {
  brokerOptions(
    program
      .command('check')
      .summary('run the OSB 2.17 conformance checklist against a broker (or several)')
      .description(
        'run the OSB 2.17 conformance checklist against a broker, or against each broker --brokers selects; ' +
          'everything it creates is deleted at the end. ' +
          'Exit codes (with --brokers the worst of the brokers): 0 no check failed (warnings and skips are fine), ' +
          '1 a check failed, 2 usage error or an invalid broker file, or the broker is unreachable or answers 401 ' +
          'to the credentials',
      ),
    { required: false },
  )
    .addOption(
      new Option(
        '--brokers <files...>',
        'check each broker described by these files ({name?, url, username?, password?}, JSON or YAML; ' +
          `\${env.NAME} reads the environment variable NAME; a username or password left out comes from ` +
          '--broker-username / --broker-password), folders (every .json, .yaml and .yml below) or globs, ' +
          'one after another in sorted order',
      ).conflicts('brokerUrl'),
    )
    .option(
      '--shard <i/n>',
      'with --brokers: check only the i-th of n parts of the brokers (sorted by path), as a CI matrix splits them',
      parseShardOption,
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
    .option(
      '--junit <file>',
      'write a JUnit XML report (one suite per area, one case per check; with --brokers one suite per broker)',
    )
    .option(
      '--json <file>',
      'write the full report as JSON, evidence included (with --brokers an array of reports)',
    )
    .option('--timeout-ms <ms>', 'how long to wait for each answer', parseMilliseconds, 10_000)
    .option(
      '--poll-limit-ms <ms>',
      'how long to poll one async operation at most',
      parseMilliseconds,
      300_000,
    )
    .hook('preAction', (command) => {
      // Without --brokers the single broker's options are required, as when they were mandatory.
      if (command.opts().brokers) return;
      if (command.opts().shard)
        command.error("error: option '--shard <i/n>' splits --brokers; give --brokers", {
          exitCode: USAGE_ERROR,
        });
      for (const key of BROKER_OPTIONS) {
        const option = command.options.find((candidate) => candidate.attributeName() === key)!;
        if (command.getOptionValue(key) === undefined)
          command.error(`error: required option '${option.flags}' not specified`, {
            code: 'commander.missingMandatoryOptionValue',
            exitCode: USAGE_ERROR,
          });
      }
    })
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : USAGE_ERROR))
    .action(runCheck);
}
