import { type ChangeEvent, useState } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { clearFlows, harExportUrl, importHar, setCapturePaused, useTrafficState } from '../model/traffic';
import type { FlowFilters } from './flow-query';

/** Pause / resume the capture, clear it, export the filtered flows as HAR, import a HAR file. */
export function TrafficToolbar({ filters }: { filters: FlowFilters }) {
  const state = useTrafficState();
  const paused = state.state === 'ok' && state.data.paused;
  const [message, setMessage] = useState<string | null>(null);
  const [confirmingClear, setConfirmingClear] = useState(false);
  const run = (action: () => Promise<unknown>) => {
    setMessage(null);
    return action().catch((error: Error) => setMessage(error.message));
  };
  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    await run(async () => {
      const har: unknown = JSON.parse(await file.text());
      const answer = await importHar(har);
      setMessage(`Imported ${answer.imported} exchanges from ${file.name}.`);
    });
  };
  return (
    <div className="toolbar">
      <button
        type="button"
        className="button"
        aria-pressed={paused}
        onClick={() => run(() => setCapturePaused(!paused))}
      >
        {paused ? 'Resume capture' : 'Pause capture'}
      </button>
      <button type="button" className="button" onClick={() => setConfirmingClear(true)}>
        Clear
      </button>
      <ConfirmDialog
        open={confirmingClear}
        title="Clear the captured traffic?"
        body={
          <p>
            Every captured flow goes from smsim, for every open tab. Export HAR first to keep them; the
            instances, bindings and brokers stay as they are.
          </p>
        }
        confirmLabel="Clear traffic"
        onConfirm={() => {
          setConfirmingClear(false);
          run(async () => {
            await clearFlows();
            setMessage('Cleared the captured traffic.');
          });
        }}
        onCancel={() => setConfirmingClear(false)}
      />
      <a className="button" href={harExportUrl(filters)} download>
        Export HAR
      </a>
      <label className="button">
        Import HAR
        <input type="file" accept=".har,application/json" hidden onChange={importFile} />
      </label>
      {message ? (
        <span className="toolbar-message" role="status">
          {message}
        </span>
      ) : null}
    </div>
  );
}
