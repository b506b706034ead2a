import type { Command } from 'commander';
import type { SimConfig } from '../config';
import { parsePort } from './options';

const STOP_DEADLINE_MS = 2000;

interface ServeOptions {
  portBase: number;
  host: string;
  data: string;
  config?: string;
  adminPassword?: string;
  sampleBroker: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'start the control server with the UI, the Service Manager, the platforms and the sample broker',
    )
    .option('--port-base <n>', 'control server port; the others follow it (0 = free ports)', parsePort, 4810)
    .option(
      '--host <host>',
      'address every server binds to; off loopback every request needs credentials',
      '127.0.0.1',
    )
    .option('--data <dir>', 'folder of the data file', './.smsim')
    .option('--config <file>', 'JSON config file (see the README)')
    .option(
      '--admin-password <password>',
      'Service Manager admin password (default: generated, kept in the data folder)',
    )
    .option('--no-sample-broker', 'neither start nor register the built-in sample broker')
    .action(async (options: ServeOptions) => {
      // Loaded here, not up front, so that `smsim --help` and the other commands do not pay for them.
      const [
        { ensureUiBuilt },
        { loadConfigFile },
        { startSimulator },
        { endpointsTable },
        { exposureNotice },
      ] = await Promise.all([
        import('./ensure-ui-built'),
        import('../config'),
        import('../simulator'),
        import('./endpoints-table'),
        import('./exposure'),
      ]);
      await ensureUiBuilt();
      const config: SimConfig | undefined = options.config ? await loadConfigFile(options.config) : undefined;
      const simulator = await startSimulator({
        portBase: options.portBase,
        host: options.host,
        dataDir: options.data,
        config,
        adminPassword: options.adminPassword,
        sampleBroker: options.sampleBroker,
      });
      console.log(endpointsTable(simulator.endpoints, simulator.store.path));
      const notice = exposureNotice(options.host, simulator.endpoints);
      if (notice) console.warn(notice);
      console.log('smsim ready');
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
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
