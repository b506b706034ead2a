/**
 * Measures two or more contenders in turns (a, b, a, b, …) so that a noisy neighbour slows them alike, after one
 * warm-up turn each, and gives the median of each one's milliseconds.
 */
export async function alternatedMedians<Name extends string>(
  rounds: number,
  contenders: Record<Name, () => number | Promise<number>>,
): Promise<Record<Name, number>> {
  const names = Object.keys(contenders) as Name[];
  for (const name of names) await contenders[name]();
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let round = 0; round < rounds; round++)
    for (const name of names) times[name].push(await contenders[name]());
  return Object.fromEntries(names.map((name) => [name, median(times[name])])) as Record<Name, number>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
