import { type ChangeEvent, useState } from 'react';
import { request } from '../api';
import { useSeen } from '../store';
import { useLoad } from '../use-load';
import type { FlowFilters } from './flow-query';
import { queryOf } from './flow-query';

const getState = () => request<{ paused: boolean }>('GET', '/api/traffic/state');

/** Pause / resume the capture, clear it, export the filtered flows as HAR, import a HAR file. */
export function TrafficToolbar({ filters }: { filters: FlowFilters }) {
  const state = useLoad(getState, useSeen('traffic.state'));
  const paused = state.state === 'ok' && state.data.paused;
  const [message, setMessage] = useState<string | null>(null);
  const run = (action: () => Promise<unknown>) => {
    setMessage(null);
    return action().catch((error: Error) => setMessage(error.message));
  };
  const importHar = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    await run(async () => {
      const har: unknown = JSON.parse(await file.text());
      const answer = await request<{ imported: number }>('POST', '/api/traffic/import', har);
      setMessage(`Imported ${answer.imported} exchanges from ${file.name}.`);
    });
  };
  return (
    <div className="toolbar">
      <button
        type="button"
        className="button"
        aria-pressed={paused}
        onClick={() => run(() => request('POST', `/api/traffic/${paused ? 'resume' : 'pause'}`))}
      >
        {paused ? 'Resume capture' : 'Pause capture'}
      </button>
      <button type="button" className="button" onClick={() => run(() => request('DELETE', '/api/flows'))}>
        Clear
      </button>
      <a className="button" href={`/api/traffic.har?${queryOf(filters)}`} download>
        Export HAR
      </a>
      <label className="button">
        Import HAR
        <input type="file" accept=".har,application/json" hidden onChange={importHar} />
      </label>
      {message ? (
        <span className="toolbar-message" role="status">
          {message}
        </span>
      ) : null}
    </div>
  );
}
