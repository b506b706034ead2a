import { create } from 'zustand';
import type { SimEvent } from '../../../main/servers/control/api-types';
import { type EdgeHit, edgeOf } from '../edges';

export type Connection = 'connecting' | 'live' | 'reconnecting';

interface LiveState {
  connection: Connection;
  eventCount: number;
  lastEventType: string | null;
  /** How many events of each type arrived: a view reloads what it shows when its type's count moves. */
  seen: Record<string, number>;
  /** The last call across each landscape edge (`from|to` node ids) and how many crossed it. */
  edges: Record<string, EdgeHit & { count: number }>;
  setConnection: (connection: Connection) => void;
  /** One call per animation frame with every event that arrived since the last one. */
  receive: (events: SimEvent[]) => void;
}

export const useLive = create<LiveState>()((set) => ({
  connection: 'connecting',
  eventCount: 0,
  lastEventType: null,
  seen: {},
  edges: {},
  setConnection: (connection) => set({ connection }),
  receive: (events) =>
    set((state) => {
      const seen = { ...state.seen };
      let edges = state.edges;
      for (const event of events) {
        seen[event.type] = (seen[event.type] ?? 0) + 1;
        const edge = edgeOf(event);
        if (edge) {
          if (edges === state.edges) edges = { ...edges };
          edges[edge.key] = { ...edge.hit, count: (edges[edge.key]?.count ?? 0) + 1 };
        }
      }
      return {
        eventCount: state.eventCount + events.length,
        lastEventType: events.at(-1)?.type ?? state.lastEventType,
        seen,
        edges,
      };
    }),
}));

/** How many events of `type` arrived so far. */
export const useSeen = (type: string) => useLive((state) => state.seen[type] ?? 0);

/** How many events of any of `types` arrived so far. */
export const useSeenAny = (...types: string[]) =>
  useLive((state) => types.reduce((sum, type) => sum + (state.seen[type] ?? 0), 0));
