import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readableLogLine } from '../../main/cli/log-lines';

describe('readableLogLine', () => {
  it('shows the time, level, message and fields of a pino line, the error by its message', () => {
    const time = new Date(2026, 0, 2, 3, 4, 5).getTime();
    const line = JSON.stringify({
      level: 50,
      time,
      pid: 1,
      hostname: 'h',
      name: 'smsim',
      broker: 'b-1',
      msg: 'catalog refresh failed',
      err: { message: 'ECONNREFUSED', stack: '…' },
    });
    // Coloured where picocolors sees colour support (CI=true is enough); the words are what is checked.
    expect(stripVTControlCharacters(readableLogLine(line))).toBe(
      '03:04:05 ERROR catalog refresh failed broker=b-1 ECONNREFUSED',
    );
  });

  it('keeps a line that is not JSON as it is', () => {
    expect(readableLogLine('plain text')).toBe('plain text');
  });
});
