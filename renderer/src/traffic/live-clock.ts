import { useSyncExternalStore } from 'react';

/** How often the time of calls in flight moves on screen. */
const TICK_MS = 100;

let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

/** One interval for every component showing a call in flight, running only while one is shown. */
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    for (const notify of listeners) notify();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0 || !timer) return;
    clearInterval(timer);
    timer = undefined;
  };
}

const idle = () => () => undefined;
const snapshot = () => now;

/** The current time, moving every 100 ms while `live` (a call is in flight); else the time of the last render. */
export function useNow(live: boolean): number {
  const ticking = useSyncExternalStore(live ? subscribe : idle, snapshot);
  return live ? Math.max(ticking, Date.now()) : Date.now();
}

/** Where a hop ends on the time line: its answer, or now while it is out. */
export const hopEndMs = (hop: { startMs: number; durationMs: number; pending?: true }, at: number): number =>
  hop.pending ? Math.max(at, hop.startMs) : hop.startMs + hop.durationMs;

/** The time line of a flow's waterfall: from its first request to its last answer, or now while one is out. */
export function useWaterfallSpan(
  hops: ReadonlyArray<{ startMs: number; durationMs: number; pending?: true }>,
) {
  const at = useNow(hops.some((hop) => hop.pending));
  const startMs = Math.min(...hops.map((hop) => hop.startMs));
  const endMs = Math.max(...hops.map((hop) => hopEndMs(hop, at)));
  return { startMs, totalMs: endMs - startMs };
}
