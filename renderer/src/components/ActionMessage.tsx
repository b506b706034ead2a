import type { ReactNode } from 'react';
import './action-message.css';

interface ActionMessageProps {
  /** The refusal of the last action: the server's own sentence. */
  error: string | null;
  /** What the last action did, when it succeeded. */
  done?: ReactNode;
}

/** What the action the user started last answered: a refusal, or what it did. */
export function ActionMessage({ error, done = null }: ActionMessageProps) {
  if (error)
    return (
      <p className="action-error" role="alert" data-testid="action-error">
        {error}
      </p>
    );
  if (done === null || done === undefined || done === false) return null;
  return (
    <p className="action-done" role="status" data-testid="action-done">
      {done}
    </p>
  );
}
