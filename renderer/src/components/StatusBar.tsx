import { desktop } from '../desktop';
import { useLive } from '../model/live';

const numberFormat = new Intl.NumberFormat();

export function StatusBar() {
  const connection = useLive((state) => state.connection);
  const eventCount = useLive((state) => state.eventCount);
  const lastEventType = useLive((state) => state.lastEventType);
  return (
    <footer className="status-bar">
      <span className={`status-item connection connection-${connection}`}>
        <span className="connection-dot" aria-hidden="true" />
        <span data-testid="connection-status" role="status">
          {connection}
        </span>
      </span>
      <span className="status-item">
        <span data-testid="event-count" className="number">
          {numberFormat.format(eventCount)}
        </span>
        &nbsp;{eventCount === 1 ? 'event' : 'events'}
      </span>
      <span className="status-item status-last" title={lastEventType ?? undefined}>
        last: <code data-testid="last-event-type">{lastEventType ?? '—'}</code>
      </span>
      <span className="status-item status-end">
        {desktop ? `desktop · Electron ${desktop.electron}` : 'browser'}
      </span>
    </footer>
  );
}
