import { create } from 'zustand';
import { getItems, getJson } from './http';
import { useLoad } from './use-load';

export type RunKind = 'check' | 'replay' | 'scenario';

interface Listed {
  id: string;
}

/**
 * The newest run of each kind the server keeps (its lists are newest first): what a panel shows when this
 * tab started none, so a reload or another tab finds the results again.
 */
const newest: Record<RunKind, () => Promise<string | null>> = {
  check: async () => (await getJson<Listed[]>('/api/fixtures/checks'))[0]?.id ?? null,
  replay: async () => (await getItems<Listed>('/api/replays'))[0]?.id ?? null,
  scenario: async () => (await getItems<Listed>('/api/scenario-runs'))[0]?.id ?? null,
};

/** The run each panel shows, kept outside the components so leaving the view and coming back keeps it. */
const useShown = create<Partial<Record<RunKind, string>>>(() => ({}));

/** Makes `id` the run shown for its kind (the one this tab just started). */
export const showRun = (kind: RunKind, id: string) => useShown.setState({ [kind]: id });

/** The run a panel shows: the last one started here, else the newest on the server, else null. */
export function useShownRun(kind: RunKind): string | null {
  const shown = useShown((state) => state[kind]);
  const latest = useLoad(newest[kind]);
  return shown ?? (latest.state === 'ok' ? latest.data : null);
}
