import type { Command } from 'commander';
import type { BrokerSummary } from '../core/sm/broker-registration';
import type { ControlCall } from '../workflows/scenarios/control-client';
import { type BrokerCredentialOptions, brokerCredentialOptions, brokerCredentials } from './broker-options';
import { parseBrokerUrl } from './options';
import { brokerPlans, stdoutColours, tableStyle } from './terminal';

const DEFAULT_CONTROL_URL = 'http://127.0.0.1:4810';
const EXIT_CODES = `
Exit codes:
  0  done
  1  the Service Manager refused the change (a broker with instances, an invalid catalog)
  2  usage error, no broker of that name, smsim or the broker unreachable, or the broker refused the credentials`;

interface ControlOptions {
  against: string;
}

/** Thrown for what exits 1 or 2, with the one sentence to print. */
class BrokerCommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

async function control(options: ControlOptions): Promise<ControlCall> {
  const { controlClient } = await import('../workflows/scenarios/control-client');
  const call = controlClient(options.against);
  return async (method, path, body) => {
    // Unreachable, it throws a SimulatorNotReachedError: exit 2 like every error but a BrokerCommandError.
    const answer = await call(method, path, body);
    if (answer.status < 300) return answer;
    const description = (answer.body as { description?: string } | undefined)?.description;
    // The SM refusing a change is a finding; anything else (no such broker, the broker down, 401) is not.
    const refused = answer.status === 400 || answer.status === 409 || answer.status === 422;
    throw new BrokerCommandError(
      description ?? `the control API answered ${answer.status} to ${method} /api${path}.`,
      refused ? 1 : 2,
    );
  };
}

/** Runs one subcommand's work; its errors become one line on stderr and the exit code. */
function action<A extends unknown[]>(work: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await work(...args);
    } catch (error) {
      console.error(`smsim broker: ${(error as Error).message}`);
      process.exit(error instanceof BrokerCommandError ? error.exitCode : 2);
    }
  };
}

const path = (name: string) => `/brokers/${encodeURIComponent(name)}`;

export function registerBroker(program: Command): void {
  const broker = program
    .command('broker')
    .description('register, list, publish and remove the brokers of a running smsim')
    .addHelpText('after', EXIT_CODES);
  const withControl = (command: Command) =>
    command
      .option(
        '--against <url>',
        'the control URL of the running smsim (off loopback with its control token: http://smsim:<token>@host:4810)',
        DEFAULT_CONTROL_URL,
      )
      .addHelpText('after', EXIT_CODES)
      .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

  brokerCredentialOptions(
    withControl(
      broker
        .command('register')
        .description(
          'register a broker (or point the one of that name at this URL and credentials) and publish its ' +
            'plans to every platform',
        )
        .argument('<name>', 'its name in the Service Manager')
        .argument('<url>', 'the broker, e.g. http://localhost:8080', parseBrokerUrl),
    ),
  )
    .option('--private', 'publish none of its plans')
    .action(
      action(
        async (
          name: string,
          url: string,
          options: ControlOptions & BrokerCredentialOptions & { private?: boolean },
        ) => {
          const call = await control(options);
          const body = { url, ...brokerCredentials(options, name), public: !options.private };
          const answer = await call('PUT', path(name), body);
          const summary = answer.body as BrokerSummary;
          const verb = answer.status === 201 ? 'registered' : 'updated';
          console.log(`broker ${name} ${verb} at ${summary.url}: ${brokerPlans(summary)}`);
        },
      ),
    );

  withControl(
    broker
      .command('list')
      .description('list the brokers of the Service Manager with their plans')
      .option('--json', 'print the list as JSON'),
  ).action(
    action(async (options: ControlOptions & { json?: boolean }) => {
      const call = await control(options);
      const { items } = (await call('GET', '/brokers')).body as { items: BrokerSummary[] };
      if (options.json) {
        console.log(JSON.stringify(items, null, 2));
        return;
      }
      const { default: Table } = await import('cli-table3');
      const table = new Table({ head: ['broker', 'url', 'user', 'plans'], ...tableStyle(stdoutColours()) });
      for (const item of items) table.push([item.name, item.url, item.username, brokerPlans(item)]);
      console.log(items.length ? table.toString() : 'no brokers registered');
    }),
  );

  withControl(
    broker
      .command('publish')
      .description('publish every plan of a broker to every platform')
      .argument('<name>', 'the broker, by its name in the Service Manager'),
  ).action(
    action(async (name: string, options: ControlOptions) => {
      const call = await control(options);
      const summary = (await call('POST', `${path(name)}/publish`)).body as BrokerSummary;
      console.log(`broker ${name}: ${brokerPlans(summary)}`);
    }),
  );

  withControl(
    broker
      .command('remove')
      .description('remove a broker from the Service Manager (and so from every platform)')
      .argument('<name>', 'the broker, by its name in the Service Manager')
      .option('--force', "also drop its instances' and bindings' records, without calling the broker"),
  ).action(
    action(async (name: string, options: ControlOptions & { force?: boolean }) => {
      const call = await control(options);
      await call('DELETE', `${path(name)}${options.force ? '?force=true' : ''}`);
      console.log(`broker ${name} removed`);
    }),
  );
}
