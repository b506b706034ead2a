import { type Command, InvalidArgumentError, Option } from 'commander';
import { parseShard, type Shard } from '../workflows/select';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535 (0 = free ports).');
  }
  return port;
}

export function parseShardOption(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError('give i/n with 1 ≤ i ≤ n, e.g. 2/3.');
  return shard;
}

export function parseBrokerUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('give an absolute URL, e.g. http://127.0.0.1:8080.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError('the broker URL must start with http:// or https://.');
  }
  if (url.username || url.password) {
    throw new InvalidArgumentError(
      'keep the credentials out of the URL: give them with the user and password options.',
    );
  }
  return value;
}

/**
 * `--broker-url`, `--broker-username`, `--broker-password` (the last two also from SMSIM_BROKER_USERNAME /
 * _PASSWORD), named as serve's; `required: false` for a command that can take its brokers another way.
 */
export function brokerOptions(command: Command, { required = true } = {}): Command {
  const username = new Option('--broker-username <user>', 'basic-auth user').env('SMSIM_BROKER_USERNAME');
  const password = new Option('--broker-password <password>', 'basic-auth password').env(
    'SMSIM_BROKER_PASSWORD',
  );
  const url = new Option('--broker-url <url>', 'the broker, e.g. http://127.0.0.1:8080').argParser(
    parseBrokerUrl,
  );
  return command
    .addOption(url.makeOptionMandatory(required))
    .addOption(username.makeOptionMandatory(required))
    .addOption(password.makeOptionMandatory(required));
}
