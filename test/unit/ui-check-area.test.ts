import { describe, expect, it } from 'vitest';
import { summarize } from '../../main/workflows/conformance/report';
import { areaLine } from '../../renderer/src/workflows/area-line';

const line = (...statuses: Array<'pass' | 'fail' | 'warn' | 'skip'>) =>
  areaLine(summarize(statuses.map((status) => ({ status }))), statuses.length);

describe("a check area's heading", () => {
  it('reads skipped when none of its checks ran, not 0/5 passed', () => {
    expect(line('skip', 'skip', 'skip', 'skip', 'skip')).toBe('skipped');
  });

  it('counts the passes among the checks that ran, then failures, warnings and skips', () => {
    expect(line('pass', 'pass', 'pass')).toBe('3/3 passed');
    expect(line('pass', 'fail', 'warn', 'skip')).toBe('1/3 passed, 1 failed, 1 warning, 1 skipped');
    expect(line('pass', 'warn', 'warn')).toBe('1/3 passed, 2 warnings');
  });

  it('reads waiting before its first result', () => {
    expect(areaLine(summarize([]), 4)).toBe('waiting');
  });
});
