import { create } from 'zustand';
import type { SimEvent } from './api';

export type Connection = 'connecting' | 'live' | 'reconnecting';

interface LiveState {
  connection: Connection;
  eventCount: number;
  lastEventType: string | null;
  /** How many events of each type arrived: a view reloads what it shows when its type's count moves. */
  seen: Record<string, number>;
  setConnection: (connection: Connection) => void;
  /** One call per animation frame with every event that arrived since the last one. */
  receive: (events: SimEvent[]) => void;
}

export const useLive = create<LiveState>()((set) => ({
  connection: 'connecting',
  eventCount: 0,
  lastEventType: null,
  seen: {},
  setConnection: (connection) => set({ connection }),
  receive: (events) =>
    set((state) => {
      const seen = { ...state.seen };
      for (const event of events) seen[event.type] = (seen[event.type] ?? 0) + 1;
      return {
        eventCount: state.eventCount + events.length,
        lastEventType: events.at(-1)?.type ?? state.lastEventType,
        seen,
      };
    }),
}));

/** How many events of `type` arrived so far. */
export const useSeen = (type: string) => useLive((state) => state.seen[type] ?? 0);
