import { ActionMessage } from '../components/ActionMessage';
import { recordingHarUrl, startRecording, stopRecording, useRecordings } from '../model/workflows';
import { useAction } from '../use-action';
import type { BrokerChoice } from './BrokerSelect';

/** Record a broker's OSB traffic, stop, and download each recording as HAR. */
export function RecordingsPanel({ brokers }: { brokers: BrokerChoice[] }) {
  const recordings = useRecordings();
  const { error, busy, run } = useAction();
  const items = recordings.state === 'ok' ? recordings.data : [];
  return (
    <section className="panel" aria-label="Recordings">
      <h2 className="panel-title">Recordings</h2>
      <div className="actions">
        {brokers.map((broker) => (
          <button
            key={broker.id}
            type="button"
            className="button"
            disabled={busy}
            onClick={() => run(() => startRecording(broker.name))}
          >
            Record {broker.name}
          </button>
        ))}
      </div>
      <ActionMessage error={error} />
      <ul className="checks">
        {items.map((recording) => (
          <li key={recording.id} data-testid="recording">
            {recording.broker} · {recording.status} · {recording.exchanges} exchanges ·{' '}
            {recording.status === 'recording' ? (
              <button
                type="button"
                className="link-button"
                onClick={() => run(() => stopRecording(recording.id))}
              >
                stop
              </button>
            ) : (
              <a href={recordingHarUrl(recording.id)} download>
                HAR
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
