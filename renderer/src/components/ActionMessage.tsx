/** What an action the user started answered when it was refused: the server's own sentence. */
export function ActionMessage({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="action-error" role="alert" data-testid="action-error">
      {error}
    </p>
  );
}
