import { describe } from 'vitest';
import { postgresUnavailable } from './postgres-cluster';

export { type PostgresCluster, startPostgres, TEST_ROLE } from './postgres-cluster';

/**
 * `describe` for tests that need PostgreSQL. Where it is missing they are skipped with the reason in their
 * name, except under CI=true, where a missing PostgreSQL fails them: CI never silently skips.
 */
export function describePostgres(name: string, body: () => void): void {
  if (postgresUnavailable && process.env.CI !== 'true')
    describe.skip(`${name} (skipped: ${postgresUnavailable})`, body);
  else describe(name, body);
}
