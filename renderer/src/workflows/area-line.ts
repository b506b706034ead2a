import type { CheckSummary } from '../../../main/workflows/conformance/types';

/**
 * How an area of a check reads in its heading: `skipped` when none of its checks ran (not "0/5 passed"),
 * `waiting` before the first result, else how many of the checks that ran passed, then what else happened.
 */
export function areaLine(summary: CheckSummary, checks: number): string {
  if (summary.total === 0) return 'waiting';
  if (summary.skip === checks) return 'skipped';
  const ran = checks - summary.skip;
  const others = [
    summary.fail ? `${summary.fail} failed` : '',
    summary.warn ? `${summary.warn} ${summary.warn === 1 ? 'warning' : 'warnings'}` : '',
    summary.skip ? `${summary.skip} skipped` : '',
  ].filter(Boolean);
  return [`${summary.pass}/${ran} passed`, ...others].join(', ');
}
