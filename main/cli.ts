import { Command } from 'commander';
import { registerBroker } from './cli/broker';
import { registerCheck } from './cli/check';
import { registerMockBroker } from './cli/mock-broker';
import { registerRecord } from './cli/record';
import { registerReplay } from './cli/replay';
import { registerRun } from './cli/run';
import { registerServe } from './cli/serve';
import { registerTransfer } from './cli/transfer';

const program = new Command()
  .name('smsim')
  .description('A local simulator of an Open Service Broker landscape')
  .version('0.1.0')
  .showHelpAfterError()
  // Usage errors (an unknown command included) exit 2, as every command's own do; help and version 0.
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

registerServe(program);
registerCheck(program);
registerRecord(program);
registerReplay(program);
registerMockBroker(program);
registerRun(program);
registerBroker(program);
registerTransfer(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`smsim: ${(error as Error).message}`);
  process.exit(2);
}
