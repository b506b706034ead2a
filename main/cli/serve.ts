import { type Command, Option } from 'commander';
import type { SimConfig } from '../config';
import type { BrokerRegistration } from '../core/sm/broker-registration';
import type { LogLevel } from '../logging';
import {
  type BrokerCredentialOptions,
  brokerCredentialOptions,
  brokerCredentials,
  type NamedBroker,
  parseNamedBroker,
} from './broker-options';
import { parsePort } from './options';

const STOP_DEADLINE_MS = 2000;
const EXIT_CODES = `
Exit codes:
  0  stopped by Ctrl-C or SIGTERM
  1  could not stop within 2 s
  2  usage or config error, a port taken, or a --broker that is down or refuses the credentials`;
const LOG_LEVELS: LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug'];

interface ServeOptions extends BrokerCredentialOptions {
  portBase: number;
  host: string;
  data: string;
  store?: string;
  config?: string;
  adminPassword?: string;
  sampleBroker: boolean;
  broker?: NamedBroker[];
  private?: boolean;
  logLevel?: LogLevel;
}

/** The config's brokers get the command line's credentials where they have none. */
function withCredentials(config: SimConfig, options: ServeOptions): SimConfig {
  const brokers = config.brokers.map((broker) => ({
    ...broker,
    ...brokerCredentials(
      {
        brokerUsername: broker.username ?? options.brokerUsername,
        brokerPassword: broker.password ?? options.brokerPassword,
      },
      broker.name,
    ),
  }));
  return { ...config, brokers };
}

function commandLineBrokers(options: ServeOptions): BrokerRegistration[] {
  return (options.broker ?? []).map(({ name, url }) => ({
    name,
    url,
    ...brokerCredentials(options, name),
    public: !options.private,
  }));
}

export function registerServe(program: Command): void {
  const command = program
    .command('serve')
    .description(
      'start the control server with the UI, the Service Manager, the platforms and the sample broker, ' +
        'and register your brokers',
    )
    .addHelpText('after', EXIT_CODES)
    .option('--port-base <n>', 'control server port; the others follow it (0 = free ports)', parsePort, 4810)
    .option(
      '--host <host>',
      'address every server binds to; off loopback every request needs credentials',
      '127.0.0.1',
    )
    .option('--data <dir>', 'folder of the data file', './.smsim')
    .addOption(
      new Option(
        '--store <url>',
        'keep the state in PostgreSQL instead of the data file: postgres://user:password@host:port/database',
      ).env('SMSIM_STORE'),
    )
    .option('--config <file>', 'JSON config file (see the README)')
    .option(
      '--admin-password <password>',
      'Service Manager admin password (default: generated, kept in the data folder)',
    )
    .option('--no-sample-broker', 'neither start nor register the built-in sample broker')
    .option(
      '--broker <name=url>',
      'register this broker at start (or point the one of that name at this URL) and publish its plans ' +
        'to every platform; repeatable',
      parseNamedBroker,
    );
  brokerCredentialOptions(command)
    .option('--private', "publish none of the --broker brokers' plans (make them visible yourself)")
    .addOption(
      new Option('--log-level <level>', 'log level (overrides logLevel of the config)').choices(LOG_LEVELS),
    )
    .action(async (options: ServeOptions) => {
      // Loaded here, not up front, so that `smsim --help` and the other commands do not pay for them.
      const [
        { ensureUiBuilt },
        { loadConfigFile, parseConfig },
        { startSimulator },
        { endpointsTable },
        { exposureNotice },
        { serveLogDestination },
        { stdoutColours },
      ] = await Promise.all([
        import('./ensure-ui-built'),
        import('../config'),
        import('../simulator'),
        import('./endpoints-table'),
        import('./exposure'),
        import('./log-lines'),
        import('./terminal'),
      ]);
      const brokers = commandLineBrokers(options);
      const config = options.config ? await loadConfigFile(options.config) : parseConfig({});
      const configured = withCredentials(config, options);
      await ensureUiBuilt();
      const simulator = await startSimulator({
        portBase: options.portBase,
        host: options.host,
        dataDir: options.data,
        store: options.store,
        config: configured,
        adminPassword: options.adminPassword,
        sampleBroker: options.sampleBroker,
        brokers,
        logLevel: options.logLevel,
        logDestination: serveLogDestination(),
      });
      const shutdown = (signal: string) => {
        console.log(`smsim: ${signal} received, stopping`);
        setTimeout(() => {
          console.error('smsim: could not stop within 2 s, exiting anyway');
          process.exit(1);
        }, STOP_DEADLINE_MS).unref();
        simulator.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(`smsim: stop failed: ${(error as Error).message}`);
            process.exit(1);
          },
        );
      };
      // Before "smsim ready": a script may send the signal the moment it reads it.
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      console.log(
        endpointsTable(simulator.endpoints, simulator.store.path, simulator.brokers, stdoutColours()),
      );
      // On stdout with the table, so whoever waits for "smsim ready" has read the token by then.
      const notice = exposureNotice(options.host, simulator.endpoints);
      if (notice) console.log(notice);
      console.log('smsim ready');
    });
}
