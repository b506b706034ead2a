import { Command } from 'commander';
import { registerCheck } from './cli/check';
import { registerServe } from './cli/serve';

const program = new Command()
  .name('smsim')
  .description('A local simulator of an Open Service Broker landscape')
  .version('0.1.0')
  .showHelpAfterError();

registerServe(program);
registerCheck(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`smsim: ${(error as Error).message}`);
  process.exit(2);
}
