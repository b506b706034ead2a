import { type Command, InvalidArgumentError, Option } from 'commander';
import { parseBrokerUrl } from './options';

export interface NamedBroker {
  name: string;
  url: string;
}

export interface BrokerCredentialOptions {
  brokerUsername?: string;
  brokerPassword?: string;
}

/** `--broker NAME=URL`, repeatable. */
export function parseNamedBroker(value: string, previous: NamedBroker[] = []): NamedBroker[] {
  const at = value.indexOf('=');
  const name = value.slice(0, at).trim();
  if (at < 0 || !name) throw new InvalidArgumentError('give NAME=URL, e.g. my=http://localhost:8080.');
  return [...previous, { name, url: parseBrokerUrl(value.slice(at + 1)) }];
}

/** `--broker-username`, `--broker-password` (also from SMSIM_BROKER_PASSWORD): the broker's basic auth. */
export function brokerCredentialOptions(command: Command): Command {
  return command
    .option('--broker-username <user>', "the broker's basic-auth user")
    .addOption(
      new Option(
        '--broker-password <password>',
        "the broker's basic-auth password (better: the env SMSIM_BROKER_PASSWORD, kept out of the shell history)",
      ).env('SMSIM_BROKER_PASSWORD'),
    );
}

/** Both credentials, or a usage error naming the options and SMSIM_BROKER_PASSWORD. */
export function brokerCredentials(options: BrokerCredentialOptions, broker: string) {
  const { brokerUsername: username, brokerPassword: password } = options;
  if (!username) throw new InvalidArgumentError(`broker "${broker}" needs a user: give --broker-username.`);
  if (!password)
    throw new InvalidArgumentError(
      `broker "${broker}" needs a password: set SMSIM_BROKER_PASSWORD (or give --broker-password).`,
    );
  return { username, password };
}
