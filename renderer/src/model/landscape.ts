import { useEffect, useState } from 'react';
import type { LandscapeView } from '../../../main/servers/control/api-types';
import { getJson } from './http';
import { useSeenAny } from './live';
import type { Loaded } from './use-load';

/** How often the counts are read again while the Landscape is open. */
export const LANDSCAPE_POLL_MS = 1000;

const getLandscape = () => getJson<LandscapeView>('/api/landscape');

/**
 * The servers and the calls on each edge, as the server counts them. Read again a second after each answer
 * (rates fall while nothing happens, which no event would tell), and at once when a broker or platform comes
 * or goes. A failed read keeps the numbers shown; the status bar says that the simulator is gone.
 */
export function useLandscape(): Loaded<LandscapeView> {
  const changes = useSeenAny('sm.broker', 'sm.platform');
  const [loaded, setLoaded] = useState<Loaded<LandscapeView>>({ state: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: changes only triggers a read at once.
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        const data = await getLandscape();
        if (!stopped) setLoaded({ state: 'ok', data });
      } catch (error) {
        const message = (error as Error).message;
        if (!stopped) setLoaded((shown) => (shown.state === 'ok' ? shown : { state: 'error', message }));
      }
      if (!stopped) timer = setTimeout(read, LANDSCAPE_POLL_MS);
    };
    void read();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [changes]);
  return loaded;
}
