import { type ReactNode, useState } from 'react';

/**
 * Runs actions the user starts. A refusal is kept as `error` (the server's sentence), a success as `done`
 * (what `said` makes of the answer, or what `report` was told), each until the next action; `busy` while one
 * runs.
 */
export function useAction() {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ReactNode>(null);
  const [busy, setBusy] = useState(false);
  const run = async <T>(action: () => Promise<T>, said?: (answer: T) => ReactNode): Promise<boolean> => {
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      const answer = await action();
      setDone(said?.(answer) ?? null);
      return true;
    } catch (failure) {
      setError((failure as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const report = (message: ReactNode) => {
    setError(null);
    setDone(message);
  };
  return { error, done, busy, run, report };
}

export type Action = ReturnType<typeof useAction>;
