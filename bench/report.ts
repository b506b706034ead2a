/**
 * The figures a benchmark measured, each a ratio against a baseline measured in the same run. Printed at once and,
 * under `npm run bench`, handed to bench/run.ts (one JSON line each in the file SMSIM_BENCH_RESULTS names), which
 * prints them as one table and writes bench/results/latest.json.
 */
import { appendFileSync } from 'node:fs';

export interface Figure {
  figure: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  /** e.g. "≤ 4" or "≥ 0.8", a bound on `ratio`. */
  target: string;
  pass: boolean;
}

export type Bound = { atMost: number } | { atLeast: number };

/** `value` against `baseline`, with `ratio = value / baseline` checked against `bound`. */
export function figure(name: string, value: number, unit: string, baseline: number, bound: Bound): Figure {
  const ratio = value / baseline;
  const [target, pass] =
    'atMost' in bound
      ? [`≤ ${bound.atMost}`, ratio <= bound.atMost]
      : [`≥ ${bound.atLeast}`, ratio >= bound.atLeast];
  return { figure: name, value, unit, baseline, ratio, target, pass };
}

const round = (value: number) => Number(value.toPrecision(4));

export function report(...figures: Figure[]): void {
  for (const f of figures) {
    console.log(
      `  ${f.figure}: ${round(f.value)} ${f.unit} vs ${round(f.baseline)} → ${round(f.ratio)} (target ${f.target}) ${f.pass ? 'pass' : 'MISSED'}`,
    );
    const results = process.env.SMSIM_BENCH_RESULTS;
    if (results)
      appendFileSync(
        results,
        `${JSON.stringify({ ...f, value: round(f.value), baseline: round(f.baseline), ratio: round(f.ratio) })}\n`,
      );
  }
}
