/** Checkboxes of the operations a fault applies to; none checked is every operation of the list. */
export function OperationChoice({ operations }: { operations: readonly string[] }) {
  return (
    <fieldset className="operation-choice">
      <legend>Operations</legend>
      <span className="muted">none checked: every one</span>
      {operations.map((operation) => (
        <label key={operation} className="operation-option">
          <input type="checkbox" name="operations" value={operation} /> {operation}
        </label>
      ))}
    </fieldset>
  );
}
