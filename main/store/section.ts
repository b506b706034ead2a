import type { StateStore } from '../core/state';
import type { SimData } from './data';
import type { Store } from './store';

/** One subsystem's section of the data file, as the core sees it. */
export function sectionOf<K extends keyof SimData>(store: Store<SimData>, key: K): StateStore<SimData[K]> {
  return {
    get state() {
      return store.data[key];
    },
    update: (mutate) => store.update((data) => mutate(data[key])),
  };
}
