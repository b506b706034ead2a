import { create } from 'zustand';
import type { SimEvent } from '../../../main/servers/control/api-types';
import { type EdgeHit, edgeOf } from '../edges';

/** `disconnected`: the stream broke and the simulator does not answer at all (see connection.ts). */
export type Connection = 'connecting' | 'live' | 'reconnecting' | 'disconnected';

interface LiveState {
  connection: Connection;
  /** How many events of each type arrived: a view reloads what it shows when its type's count moves. */
  seen: Record<string, number>;
  /** The last call across each landscape edge (`from|to` node ids): it lights the edge's line. */
  edges: Record<string, EdgeHit>;
  setConnection: (connection: Connection) => void;
  /** One call per animation frame with every event that arrived since the last one. */
  receive: (events: SimEvent[]) => void;
}

export const useLive = create<LiveState>()((set) => ({
  connection: 'connecting',
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
          edges[edge.key] = edge.hit;
        }
      }
      return { seen, edges };
    }),
}));

/** How many events of `type` arrived so far. */
export const useSeen = (type: string) => useLive((state) => state.seen[type] ?? 0);

/** How many events of any of `types` arrived so far. */
export const useSeenAny = (...types: string[]) =>
  useLive((state) => types.reduce((sum, type) => sum + (state.seen[type] ?? 0), 0));
