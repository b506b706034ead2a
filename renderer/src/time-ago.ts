const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'narrow' });

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** How long before `now` an ISO time was, in the largest whole unit ("12 sec. ago", "3 min. ago"). */
export function timeAgo(iso: string, now: number): string {
  const elapsed = Math.max(0, now - Date.parse(iso));
  const [unit, size] = UNITS.find(([, ms]) => elapsed >= ms) ?? ['second', 1000];
  return relative.format(-Math.floor(elapsed / size), unit);
}
