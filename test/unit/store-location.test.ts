import { describe, expect, it } from 'vitest';
import { withoutPassword } from '../../main/store/postgres-errors';
import { parseStoreUrl, passwordOf, shownStoreUrl } from '../../main/store/store-location';

describe('the store URL', () => {
  it('is shown without its password, in the user info or a query parameter', () => {
    expect(shownStoreUrl('postgres://smsim:s3cret@db:5432/team')).toBe('postgres://smsim:***@db:5432/team');
    expect(shownStoreUrl('postgres://db/team?user=smsim&password=s3cret')).toBe(
      'postgres://db/team?user=smsim&password=***',
    );
    expect(shownStoreUrl('postgres://smsim@db/team')).toBe('postgres://smsim@db/team');
    expect(shownStoreUrl('postgres://u:p@ss@[bad')).not.toContain('p@ss');
  });

  it('takes the password out of any text a driver error echoes, encoded or not', () => {
    const url = 'postgres://smsim:p%40ss@db/team';
    expect(passwordOf(url)).toBe('p@ss');
    expect(withoutPassword('password "p@ss" refused', url)).toBe('password "***" refused');
  });

  it('refuses anything but a PostgreSQL URL, saying what to give instead, without the password', () => {
    expect(parseStoreUrl('postgresql://u:p@db/x', '--store')).toEqual({
      kind: 'postgres',
      url: 'postgresql://u:p@db/x',
    });
    expect(() => parseStoreUrl('mysql://u:hidden@db/x', '--store')).toThrow(
      /^--store must be a PostgreSQL URL .*"mysql:\/\/u:\*\*\*@db\/x"; for a JSON file in a folder use --data\.$/,
    );
  });
});
