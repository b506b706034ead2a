import { type Command, Option } from 'commander';
import type { SimData } from '../store';
import type { LandscapeEnd } from '../store/transfer';

const EXIT_CODES = `
Exit codes:
  0  moved
  2  usage error, a source that cannot be read, or a target that holds a landscape already (see --replace)`;

interface StoreOptions {
  data: string;
  store?: string;
  replace?: boolean;
}

/** The --data / --store (SMSIM_STORE) options every command on a landscape takes, as serve has them. */
function storeOptions(command: Command): Command {
  return command
    .option('--data <dir>', 'folder of the data file', './.smsim')
    .addOption(
      new Option('--store <url>', 'a PostgreSQL database instead of the data folder: postgres://…').env(
        'SMSIM_STORE',
      ),
    )
    .option('--replace', 'overwrite a landscape the target holds already');
}

async function storeEnd(options: StoreOptions): Promise<LandscapeEnd> {
  const { parseStoreUrl } = await import('../store/store-location');
  return options.store ? parseStoreUrl(options.store, '--store') : { kind: 'file', dir: options.data };
}

/** A FILE argument, or a postgres:// URL for a move between two databases. */
async function fileOrDatabase(value: string): Promise<LandscapeEnd> {
  const { isPostgresUrl, parseStoreUrl } = await import('../store/store-location');
  return isPostgresUrl(value) ? parseStoreUrl(value, '--to') : { kind: 'json', path: value };
}

const counts = (data: SimData) =>
  `${data.sm.brokers.length} brokers, ${data.sm.platforms.length} platforms, ` +
  `${data.sm.instances.length} instances, ${data.sm.bindings.length} bindings`;

async function move(from: LandscapeEnd, to: LandscapeEnd, replace: boolean): Promise<void> {
  const { describeEnd, readLandscape, writeLandscape } = await import('../store/transfer');
  const data = await readLandscape(from);
  await writeLandscape(to, data, replace);
  console.log(`smsim: moved ${counts(data)} from ${describeEnd(from)} to ${describeEnd(to)}`);
}

export function registerTransfer(program: Command): void {
  storeOptions(
    program
      .command('export')
      .description(
        'write the landscape of the data folder or database (--store) to a JSON file or another database',
      )
      .requiredOption('--to <file|url>', 'the JSON file (the data file format), or a postgres:// URL'),
  )
    .addHelpText('after', EXIT_CODES)
    .action(async (options: StoreOptions & { to: string }) => {
      await move(await storeEnd(options), await fileOrDatabase(options.to), options.replace === true);
    });
  storeOptions(
    program
      .command('import')
      .description(
        'load a landscape from a JSON file (as export writes it) into the data folder or database (--store)',
      )
      .argument('<file>', 'the JSON file'),
  )
    .addHelpText('after', EXIT_CODES)
    .action(async (file: string, options: StoreOptions) => {
      await move({ kind: 'json', path: file }, await storeEnd(options), options.replace === true);
    });
}
