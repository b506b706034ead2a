import type { Command } from 'commander';
import type { MockBroker } from '../workflows/mock-broker';
import { parsePort } from './options';

export function registerMockBroker(program: Command): void {
  program
    .command('mock-broker')
    .description(
      'serve a recording (HAR) as an OSB broker: recorded answers, 404 with a hint for anything else',
    )
    .argument('<file>', 'the recording (.har)')
    .option('--port <n>', 'port (0 = a free one)', parsePort, 0)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (file: string, options: { port: number; host: string }) => {
      const { startMockBroker } = await import('../workflows/mock-broker');
      let broker: MockBroker;
      try {
        broker = await startMockBroker(file, options);
      } catch (error) {
        console.error(`smsim mock-broker: ${(error as Error).message}`);
        process.exit(2);
      }
      console.log(
        `mock broker serving ${broker.exchanges} recorded exchanges at ${broker.url} (any credentials)`,
      );
      process.once('SIGINT', () => void broker.close().then(() => process.exit(0)));
    });
}
