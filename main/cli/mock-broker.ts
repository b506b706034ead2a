import { basename } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { MockBroker } from '../workflows/mock-broker';
import type { ControlCall } from '../workflows/scenarios/control-client';
import { parsePort } from './options';

const EXIT_CODES = `
Exit codes (it runs until Ctrl-C or SIGTERM):
  0  stopped, every request had a recorded answer
  1  stopped, and some request had none (each got 404 NotRecorded, printed as it came)
  2  usage error, the recording unreadable, the port taken, or the smsim of --register unreachable or refusing`;

interface MockBrokerCliOptions {
  port: number;
  host: string;
  username?: string;
  password?: string;
  register?: string;
  name?: string;
  private?: boolean;
}

/** A usage or registration error: exit 2, its message printed after `smsim mock-broker:`. */
class MockBrokerError extends Error {}

/** The credentials the mock requires: both or neither. */
function credentialsOf({ username, password }: MockBrokerCliOptions) {
  if (!username && !password) return undefined;
  if (!username || !password)
    throw new InvalidArgumentError(
      'give both --username and --password (or SMSIM_MOCK_BROKER_PASSWORD), or neither to take any credentials.',
    );
  return { username, password };
}

/** `x/session.har` → `mock-session`. */
const defaultName = (file: string) => `mock-${basename(file).replace(/\.har$/i, '')}`;

interface Registration {
  call: ControlCall;
  name: string;
}

const descriptionOf = (body: unknown) => (body as { description?: string } | undefined)?.description;

/**
 * Registers the mock as broker `name` in the smsim at `controlUrl` (its plans published unless `private`),
 * with the credentials the mock requires, or any when it takes any.
 */
async function register(
  mock: MockBroker,
  options: MockBrokerCliOptions,
  file: string,
): Promise<Registration> {
  const { controlClient } = await import('../workflows/scenarios/control-client');
  const controlUrl = options.register!;
  const call = controlClient(controlUrl);
  const name = options.name ?? defaultName(file);
  const credentials = credentialsOf(options) ?? { username: 'mock', password: 'mock' };
  const answer = await call('PUT', `/brokers/${encodeURIComponent(name)}`, {
    url: mock.url,
    ...credentials,
    public: options.private !== true,
  }).catch((error: Error & { reason?: string }) => {
    // The control client's SimulatorNotReachedError says why in a word; the sentence here says what to do.
    const why = error.reason ?? error.message;
    throw new MockBrokerError(
      `cannot reach smsim at ${controlUrl} (${why}): start it with \`smsim serve\`, or give its control URL.`,
    );
  });
  if (answer.status >= 300)
    throw new MockBrokerError(
      `smsim at ${controlUrl} refused the mock: ${descriptionOf(answer.body) ?? `answer ${answer.status}`}`,
    );
  const { plans = 0, publicPlans = 0 } = answer.body as { plans?: number; publicPlans?: number };
  console.log(
    `registered as broker ${name} in smsim at ${controlUrl}: ${plans} plans, ${publicPlans} published`,
  );
  return { call, name };
}

/** Removes the registration; a broker the SM keeps (it has instances) is named, not an error. */
async function deregister({ call, name }: Registration): Promise<void> {
  const answer = await call('DELETE', `/brokers/${encodeURIComponent(name)}`).catch((error: Error) => ({
    status: 0,
    body: { description: error.message },
  }));
  if (answer.status < 300) console.log(`broker ${name} removed from smsim`);
  else console.error(`smsim mock-broker: broker ${name} stays registered: ${descriptionOf(answer.body)}`);
}

async function serveMock(file: string, options: MockBrokerCliOptions): Promise<void> {
  const { startMockBroker } = await import('../workflows/mock-broker');
  let unanswered = 0;
  let mock: MockBroker;
  let registration: Registration | undefined;
  try {
    const credentials = credentialsOf(options);
    mock = await startMockBroker(file, {
      port: options.port,
      host: options.host,
      ...(credentials ? { credentials } : {}),
      onNoMatch: (request, description) => {
        unanswered += 1;
        console.error(`404 NotRecorded for ${request}: ${description}`);
      },
    });
    const accepts = credentials ? `user ${credentials.username}` : 'any credentials';
    console.log(`mock broker serving ${mock.exchanges} recorded exchanges at ${mock.url} (${accepts})`);
    if (options.register) registration = await register(mock, options, file);
  } catch (error) {
    console.error(`smsim mock-broker: ${(error as Error).message}`);
    process.exit(2);
  }
  const stop = async () => {
    if (registration) await deregister(registration);
    await mock.close();
    console.log(unanswered === 0 ? 'stopped' : `stopped; ${unanswered} requests had no recorded answer`);
    process.exit(unanswered === 0 ? 0 : 1);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

export function registerMockBroker(program: Command): void {
  program
    .command('mock-broker')
    .description(
      'serve a recording (HAR) as an OSB broker: recorded answers (matched by the rules beside the HAR), ' +
        '404 NotRecorded naming the closest recorded request for anything else',
    )
    .argument('<file>', 'the recording (.har)')
    .option('--port <n>', 'port (0 = a free one)', parsePort, 0)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--username <user>', 'the basic-auth user it requires (default: any credentials)')
    .addOption(
      new Option('--password <password>', 'the basic-auth password it requires').env(
        'SMSIM_MOCK_BROKER_PASSWORD',
      ),
    )
    .option(
      '--register <control-url>',
      'register it as a broker in the running smsim at this control URL (removed again on stop)',
    )
    .option('--name <name>', 'its broker name with --register (default: mock-<file name>)')
    .option('--private', 'with --register: publish none of its plans')
    .addHelpText('after', EXIT_CODES)
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(serveMock);
}
