/** The share of the width the first pane of a split takes, in percent, as the user last left it. */
export interface SplitBounds {
  /** Narrowest first pane (px), e.g. the Traffic list with every column whole. */
  minFirstPx: number;
  /** Narrowest second pane (px). */
  minSecondPx: number;
}

/** `percent` moved into what the bounds allow at `widthPx`; when they cannot both hold, the first pane wins. */
export function clampSplit(percent: number, widthPx: number, bounds: SplitBounds): number {
  if (widthPx <= 0) return percent;
  const max = 100 - (bounds.minSecondPx / widthPx) * 100;
  const min = (bounds.minFirstPx / widthPx) * 100;
  return Math.round(Math.max(min, Math.min(max, percent)) * 10) / 10;
}

/** The stored share, or `fallback` when none was stored or it is not a percentage. */
export function readSplit(storageKey: string, fallback: number): number {
  const stored = Number(globalThis.localStorage?.getItem(storageKey) ?? Number.NaN);
  return Number.isFinite(stored) && stored > 0 && stored < 100 ? stored : fallback;
}

export function saveSplit(storageKey: string, percent: number): void {
  globalThis.localStorage?.setItem(storageKey, String(percent));
}

/** Arrow keys move the handle 2 %, with Shift 10 %; Home and End go to the bounds. */
export function keyedSplit(key: string, shift: boolean, percent: number): number | undefined {
  const step = shift ? 10 : 2;
  if (key === 'ArrowLeft') return percent - step;
  if (key === 'ArrowRight') return percent + step;
  if (key === 'Home') return 0;
  if (key === 'End') return 100;
  return undefined;
}
