import { desktop } from '../desktop';
import { type Connection, useLive } from '../model/live';
import './status-bar.css';

const simulator = `smsim at ${window.location.host}`;

/** The state of the connection in a word, and a sentence saying what it means. */
const WORDS: Record<Connection, { word: string; sentence: string }> = {
  connecting: { word: 'connecting', sentence: `to ${simulator}…` },
  live: { word: 'connected', sentence: `to ${simulator}; what it does shows here as it happens.` },
  reconnecting: {
    word: 'reconnecting',
    sentence: `to ${simulator}: the live updates broke off, trying again every second…`,
  },
  disconnected: {
    word: 'disconnected',
    sentence: `${simulator} is gone (the server does not answer). Start it again and this page reconnects by itself.`,
  },
};

export function StatusBar() {
  const connection = useLive((state) => state.connection);
  const { word, sentence } = WORDS[connection];
  return (
    <footer className="status-bar">
      <span className={`status-item connection connection-${connection}`} role="status">
        <span className="connection-dot" aria-hidden="true" />
        <strong data-testid="connection-status">{word}</strong>
        <span className="connection-sentence" data-testid="connection-sentence" title={sentence}>
          {sentence}
        </span>
      </span>
      {desktop ? <span className="status-item status-end">desktop · Electron {desktop.electron}</span> : null}
    </footer>
  );
}
