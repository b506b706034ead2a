import { useEffect, useState } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; message: string };

/**
 * Runs `load` when the component mounts and again whenever `reloadWhen` changes; a reload keeps showing
 * what it had until the new data is there, so nothing flickers.
 */
export function useLoad<T>(load: () => Promise<T>, reloadWhen?: unknown): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadWhen only triggers the load.
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResult({ state: 'ok', data }),
      (error: unknown) => current && setResult({ state: 'error', message: (error as Error).message }),
    );
    return () => {
      current = false;
    };
  }, [load, reloadWhen]);
  return result;
}

/** The data of `loaded` passed through `map`, the loading and error states as they are. */
export const mapLoaded = <T, U>(loaded: Loaded<T>, map: (data: T) => U): Loaded<U> =>
  loaded.state === 'ok' ? { state: 'ok', data: map(loaded.data) } : loaded;
