import { REDACTED, SECRETS } from '../../core/secrets';
import { ENV, type Environment, referencesIn } from './refs';
import type { Scenario } from './schema';

const listed = (names: string[]) => names.join(', ');

/**
 * Checks every `${env.NAME}` of a scenario before its first step, throwing one sentence that names each
 * variable not set (or, without an environment, that the scenario reads one). Returns a masker that
 * replaces the values of the variables used under a secret key (`password`, `token`) in any text shown.
 */
export function checkEnvironment(scenario: Scenario, env: Environment | undefined): (text: string) => string {
  const used = referencesIn(scenario.steps).filter((reference) => reference.name === ENV);
  if (used.length === 0) return (text) => text;
  const names = [...new Set(used.map((reference) => reference.path.slice(1)))];
  if (!env)
    throw new Error(
      `the scenario "${scenario.name}" reads the environment (${listed(names)}), which only smsim run and runScenario's env option give.`,
    );
  const missing = names.filter((name) => env[name] === undefined);
  if (missing.length > 0)
    throw new Error(
      `the scenario "${scenario.name}" uses ${listed(missing.map((name) => `\${env.${name}}`))}, but ${missing.length === 1 ? 'this environment variable is' : 'these environment variables are'} not set.`,
    );
  const secrets = used
    .filter((reference) => SECRETS.isSecretKey(reference.key))
    .map((reference) => env[reference.path.slice(1)]!)
    .filter((value) => value !== '');
  return (text) => secrets.reduce((masked, secret) => masked.split(secret).join(REDACTED), text);
}
