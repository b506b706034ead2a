import { defaultStatusOf, type FaultKindName } from '../views/fault-input';

/** The OSB error codes the spec names, offered as suggestions; any CamelCase word is accepted. */
const OSB_ERRORS = ['AsyncRequired', 'ConcurrencyError', 'RequiresApp', 'MaintenanceInfoConflict'];
const OSB_ERRORS_ID = 'osb-error-codes';

const DESCRIPTION_HINTS: Record<FaultKindName, string> = {
  status: 'the OSB description the broker answers',
  failLastOperation: 'why the operation failed',
  latency: 'a note for this list',
  timeout: 'a note for this list',
  malformed: 'a note for this list',
  down: 'a note for this list',
};

/** The fields of one kind of fault; mounted anew for each kind (`key`), so each starts at its defaults. */
export function FaultKindFields({ kind }: { kind: FaultKindName }) {
  return (
    <>
      {kind === 'status' ? (
        <label className="form-row">
          Status{' '}
          <input
            name="status"
            type="number"
            min={200}
            max={599}
            required
            defaultValue={defaultStatusOf(kind)}
          />
        </label>
      ) : null}
      {kind === 'malformed' ? (
        <label className="form-row">
          Status <input name="status" type="number" min={200} max={299} placeholder="the operation's own" />
        </label>
      ) : null}
      {kind === 'status' ? (
        <label className="form-row">
          OSB error
          <input name="error" list={OSB_ERRORS_ID} placeholder="none" pattern="[A-Z][A-Za-z0-9]*" />
          <datalist id={OSB_ERRORS_ID}>
            {OSB_ERRORS.map((code) => (
              <option key={code} value={code} />
            ))}
          </datalist>
        </label>
      ) : null}
      {kind === 'latency' ? (
        <label className="form-row">
          Latency ms <input name="latencyMs" type="number" min={1} required defaultValue={1000} />
        </label>
      ) : null}
      <label className="form-row fault-description-field">
        Description <input name="description" placeholder={DESCRIPTION_HINTS[kind]} />
      </label>
    </>
  );
}
